import type { Page } from '@playwright/test';
import { addDays, addMonths, todayInOslo } from '~/lib/time';
import type { Role } from '~/lib/roles';
import { XSS_CORPUS } from '../fuzz/xss-corpus';
import { e2eExecute, withE2eDatabase } from './database';
import { expect, loginAs, test } from './support';

/**
 * Script and markup typed into free text must show as text and never run: every dialog fails
 * the test, as does any CSP report (a console error) and any element the payloads would add.
 */
const today = todayInOslo();

test.beforeEach(({ page }) => {
  page.on('dialog', (dialog) => {
    throw new Error(`a dialog opened: ${dialog.message()} on ${page.url()}`);
  });
});

async function expectNothingInjected(page: Page) {
  await expect(page.locator('[onerror], [onload], [ontoggle], iframe, img[src="x"]')).toHaveCount(0);
  await expect(page.locator('a[href^="javascript:"]')).toHaveCount(0);
}

test('a referral typed with script and markup shows as text to the officer and the coordinator', async ({ page }) => {
  const last = `Xss-${Math.random().toString(36).slice(2, 8)}`;
  await loginAs(page, 'PROBATION_OFFICER');
  await page.goto('/referrals/new');
  // Names refuse markup characters; the refused value stays in the field as text.
  await page.getByLabel('Fornavn').fill(XSS_CORPUS[1]);
  await page.getByLabel('Etternavn').fill(XSS_CORPUS[0]);
  await page.getByLabel('Fødselsdato').fill(addMonths(today, -12 * 20));
  await page.getByLabel('Fengsel').fill(XSS_CORPUS[2]);
  await page.getByLabel('Forventet løslatelse').fill(addDays(today, 40));
  await page.getByLabel('Kommune etter løslatelse').fill(XSS_CORPUS[4]);
  await page.getByLabel('Interesser (valgfritt)').fill(XSS_CORPUS[3]);
  await page.getByLabel('Andre ønsker for den frivillige (valgfritt)').fill(XSS_CORPUS[5]);
  await page.getByLabel('Behov (valgfritt)').fill(XSS_CORPUS[7]);
  await page.getByLabel('Hvem tok imot samtykket').fill(XSS_CORPUS[6]);
  await page.getByLabel('Deltakeren har gitt skriftlig samtykke').check();
  await page.getByRole('button', { name: 'Send henvisningen' }).click();
  await expect(page.getByText('Navnet kan ikke inneholde tegn som').first()).toBeVisible();
  await expect(page.getByLabel('Fornavn')).toHaveValue(XSS_CORPUS[1]);
  await expect(page.getByLabel('Etternavn')).toHaveValue(XSS_CORPUS[0]);
  await expectNothingInjected(page);

  await page.getByLabel('Fornavn').fill('Ola');
  await page.getByLabel('Etternavn').fill(last);
  await page.getByRole('button', { name: 'Send henvisningen' }).click();
  await expect(page.getByRole('heading', { name: `Henvisning: Ola ${last}`, level: 1 })).toBeVisible();
  await expectNothingInjected(page);
  const referralPath = new URL(page.url()).pathname;

  await page.getByRole('button', { name: 'Logg ut' }).click();
  await expect(page).toHaveURL(/\/login$/); // signed out before the next step navigates
  await loginAs(page, 'COORDINATOR');
  await page.goto(referralPath);
  await expect(page.getByRole('heading', { name: `Henvisning: Ola ${last}`, level: 1 })).toBeVisible();
  // The coordinator's triage shows the free text, as text.
  for (const payload of [XSS_CORPUS[2], XSS_CORPUS[4], XSS_CORPUS[5], XSS_CORPUS[7]]) {
    await expect(page.getByRole('main')).toContainText(payload);
  }
  await expectNothingInjected(page);
});

test('a volunteer application typed with script and markup shows as text to the coordinator', async ({ page }) => {
  const last = `Xss-${Math.random().toString(36).slice(2, 8)}`;
  const motivation = XSS_CORPUS.join(' ');
  await page.goto('/apply');
  await page.getByLabel('Fornavn').fill('Kari');
  await page.getByLabel('Etternavn').fill(last);
  await page.getByLabel('E-post').fill(`xss-${Date.now()}@example.no`);
  await page.getByLabel('Telefon').fill('+47 912 34 567');
  await page.getByLabel('Fødselsdato').fill('1988-03-14');
  await page.getByLabel('Kommune du bor i').fill(XSS_CORPUS[9]);
  await page.getByLabel('Interesser').fill(XSS_CORPUS[8]);
  await page.getByLabel('Språk du snakker').fill('norsk');
  await page.getByLabel('Kvelder').check();
  await page.getByLabel('Hvorfor vil du bli frivillig?').fill(motivation);
  await page.getByLabel(/Jeg samtykker/).check();
  await page.getByRole('button', { name: 'Send søknad' }).click();
  await expect(page.getByRole('status')).toHaveText('Takk for søknaden! Vi har sendt deg en bekreftelse på e-post.');

  await loginAs(page, 'COORDINATOR');
  await page.goto('/volunteers');
  await page.getByRole('link', { name: `Kari ${last}` }).click();
  await expect(page.getByRole('heading', { name: `Kari ${last}`, level: 1 })).toBeVisible();
  await expect(page.getByText(XSS_CORPUS[9]).first()).toBeVisible();
  await expect(page.getByText(motivation)).toBeVisible();
  await expectNothingInjected(page);
});

/** Every free-text column the app shows; the demo data's values are replaced with the corpus. */
const FREE_TEXT: Record<string, string[]> = {
  User: ['name', 'organisation'],
  Participant: ['firstName', 'lastName', 'prison', 'prisonUnit', 'releaseMunicipality', 'volunteerWishes', 'needs'],
  Referral: ['office', 'note', 'decisionReason'],
  ParticipantStatusChange: ['reason'],
  Consent: ['takenByName'],
  ProgrammeParticipation: ['otherName'],
  ReleaseChecklistItem: ['note'],
  VolunteerProfile: ['firstName', 'lastName', 'municipality', 'motivation', 'experience', 'pauseReason', 'leftReason'],
  ScreeningInterview: ['note'],
  VolunteerReference: ['name', 'relation', 'note'],
  TrainingCourse: ['title', 'place', 'coLeaders', 'description'],
  TrainingSession: ['topic'],
  Pair: ['endNote', 'contactAfterClosure', 'surveyComment', 'closureTalkNotHeldReason'],
  Meeting: ['place'],
  MeetingLog: ['activity', 'note'],
  Concern: ['text'],
  SupportContact: ['note'],
  FitCheck: ['note'],
  PlanArea: ['title', 'future', 'strengths', 'opportunities', 'barriers', 'coping'],
  PlanReview: ['note'],
  PlanReviewItem: ['note'],
};

async function fillFreeTextWithCorpus() {
  await withE2eDatabase(async (db) => {
    let n = 0;
    for (const [table, columns] of Object.entries(FREE_TEXT)) {
      const ids = await db.$queryRawUnsafe<{ id: string }[]>(`SELECT "id" FROM "${table}"`);
      for (const { id } of ids) {
        await e2eExecute(
          db,
          `UPDATE "${table}" SET ${columns.map((c) => `"${c}" = ?`).join(', ')} WHERE "id" = ?`,
          ...columns.map(() => XSS_CORPUS[n++ % XSS_CORPUS.length]),
          id,
        );
      }
    }
  });
}

/** Pages reached from a role's menu and the links on them, a couple per kind of address. */
async function crawl(page: Page, start: string[], limit: number): Promise<string[]> {
  const queue = [...start];
  const seen = new Set<string>();
  const perPattern = new Map<string, number>();
  const visited: string[] = [];
  while (queue.length > 0 && visited.length < limit) {
    const next = queue.shift()!;
    if (seen.has(next)) continue;
    seen.add(next);
    const pattern = next.replace(/\/c[a-z0-9]{20,}/g, '/:id');
    if ((perPattern.get(pattern) ?? 0) >= 2) continue;
    perPattern.set(pattern, (perPattern.get(pattern) ?? 0) + 1);
    const response = await page.goto(next);
    expect(response?.status(), `status of ${next}`).toBeLessThan(400);
    await expectNothingInjected(page);
    visited.push(next);
    const hrefs = await page.locator('main a[href^="/"]').evaluateAll((links) => links.map((link) => link.getAttribute('href')!));
    for (const href of hrefs) {
      const target = href.split('#')[0]!; // split always returns at least one part
      if (!/\.(ics|csv|json|xlsx)(\?|$)/.test(target) && !target.startsWith('/logout') && !seen.has(target)) queue.push(target);
    }
  }
  return visited;
}

const START: Record<Role, string[]> = {
  COORDINATOR: [
    '/dashboard',
    '/referrals',
    '/volunteers',
    '/training',
    '/matching',
    '/pairs',
    '/reports',
    '/settings',
    '/users',
    '/mailbox',
  ],
  VOLUNTEER: ['/me'],
  PROBATION_OFFICER: ['/referrals'],
};

test('stored free text with script and markup never runs on any page, for any role', async ({ page }) => {
  test.setTimeout(240_000);
  await fillFreeTextWithCorpus();
  for (const role of ['COORDINATOR', 'VOLUNTEER', 'PROBATION_OFFICER'] as const) {
    await loginAs(page, role);
    const visited = await crawl(page, START[role], role === 'COORDINATOR' ? 45 : 15);
    expect(visited.length, `pages visited as ${role}`).toBeGreaterThan(role === 'COORDINATOR' ? 15 : 2);
    await page.getByRole('button', { name: 'Logg ut' }).click();
    await expect(page).toHaveURL(/\/login$/);
  }
  // The payloads are shown, as text, where people read them.
  await loginAs(page, 'COORDINATOR');
  await page.goto('/training');
  await expect(page.getByText(XSS_CORPUS[0]).first()).toBeVisible();
});
