import crypto from 'node:crypto';
import type { Browser, Page } from '@playwright/test';
import { currentTime } from '~/lib/clock';
import { addDays, monthOf, todayInOslo } from '~/lib/time';
import { createMeeting, createPair, createParticipant, createUser, createVolunteer } from '../../prisma/fixtures/factories';
import { e2eDatabaseClient } from './database';
import { demoEmail, expect, expectAccessible, loginAs, test, waitForEmail } from './support';

/** The participant's phone: a 360 px screen with JavaScript off. */
const PHONE = { viewport: { width: 360, height: 740 } };
test.use({ javaScriptEnabled: false, ...PHONE });

/** A pair of this spec's own, so no other spec's demo pair gets links or answers. */
async function createActivePair(options: { meeting?: boolean } = {}) {
  const db = e2eDatabaseClient();
  try {
    const suffix = crypto.randomBytes(3).toString('hex');
    const officer = await createUser(db, {
      role: 'PROBATION_OFFICER',
      name: `Ingrid Henvis ${suffix}`,
      email: `henviser-${suffix}@example.no`,
    });
    const volunteer = await createVolunteer(db, {
      firstName: 'Sindre',
      lastName: `Puls ${suffix}`,
      email: `sindre-${suffix}@example.no`,
      status: 'READY',
    });
    const participant = await createParticipant(db, {
      referrerId: officer.id,
      firstName: 'Mats',
      lastName: `Svar${suffix}`,
      status: 'MATCHED',
    });
    const pair = await createPair(db, { participantId: participant.id, volunteerId: volunteer.id, startDate: addDays(todayInOslo(), -45) });
    if (options.meeting) {
      await createMeeting(db, {
        pairId: pair.id,
        startsAt: new Date(currentTime().getTime() + 2 * 24 * 3600_000),
        placeType: 'CAFE',
        place: 'Kafé Ni Muser',
      });
    }
    return pair.id;
  } finally {
    await db.$disconnect();
  }
}

/** The coordinator works at a desk in their own browser context (JavaScript on). */
async function coordinatorPage(browser: Browser, baseURL: string | undefined): Promise<Page> {
  const context = await browser.newContext({ baseURL, javaScriptEnabled: true, viewport: { width: 1280, height: 800 } });
  const desk = await context.newPage();
  await loginAs(desk, 'COORDINATOR');
  return desk;
}

/**
 * axe-core runs its script in the page, which a page without JavaScript cannot do: each state
 * of the participant's pages is checked again in a second phone with JavaScript on (the same
 * server-rendered page; the survey page can be opened any number of times before it is answered).
 */
async function axePhone(browser: Browser, baseURL: string | undefined): Promise<Page> {
  const context = await browser.newContext({ baseURL, javaScriptEnabled: true, ...PHONE });
  return context.newPage();
}

async function pulseAnswersOnReport(desk: Page): Promise<number> {
  await desk.goto('/reports');
  const cell = desk.locator('tr[data-metric="pulseAnswers"] td');
  return Number((await cell.textContent())?.replace(/\s/g, ''));
}

test('the participant answers the pulse on a phone without JavaScript; the coordinator sees it in /reports and gets the low-score alert', async ({
  page,
  browser,
  baseURL,
}) => {
  test.slow(); // two browsers, five axe runs
  const pairId = await createActivePair();
  const desk = await coordinatorPage(browser, baseURL);
  const checker = await axePhone(browser, baseURL);
  const before = await pulseAnswersOnReport(desk);

  // The coordinator makes a pulse link on the pair page and gets a printable sheet with a QR code.
  await desk.goto(`/pairs/${pairId}`);
  await desk.getByLabel('Hva lenken er til').selectOption({ label: 'Trivselsmåling' });
  await desk.getByRole('button', { name: 'Lag lenke' }).click();
  await expect(desk.getByRole('heading', { level: 1, name: 'Din personlige lenke' })).toBeVisible();
  await expect(desk.getByRole('img', { name: 'QR-kode for lenken' })).toBeVisible();
  await expectAccessible(desk);
  const href = await desk.getByRole('link', { name: /\/p\// }).getAttribute('href');
  expect(href).toMatch(/^\/p\/[A-Za-z0-9_-]{22}$/);

  // The participant opens it: plain language, who sees the answer, 44 px targets, no sideways scroll.
  await page.goto(href!);
  await expect(page.getByRole('heading', { level: 1, name: 'Trivselsmåling' })).toBeVisible();
  await expect(page.getByText('Den frivillige din ser det ikke.', { exact: false })).toBeVisible();
  await checker.goto(href!);
  await expectAccessible(checker);
  await checker.getByRole('button', { name: 'Send svaret' }).click();
  await expect(checker.getByText('Velg et tall fra 1 til 5.').first()).toBeVisible();
  await expectAccessible(checker);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  const trust = page.getByRole('group', { name: 'Jeg stoler på den frivillige min' });
  for (const box of await Promise.all((await trust.getByRole('radio').all()).map((radio) => radio.boundingBox()))) {
    expect(box!.width).toBeGreaterThanOrEqual(44);
    expect(box!.height).toBeGreaterThanOrEqual(44);
  }
  const submit = page.getByRole('button', { name: 'Send svaret' });
  expect((await submit.boundingBox())!.height).toBeGreaterThanOrEqual(44);

  // The page can be read in English too, and back.
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'How things are going' })).toBeVisible();
  await page.getByRole('button', { name: 'Norsk' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Trivselsmåling' })).toBeVisible();

  // A missing answer is named next to its question, and what was written stays.
  const comment = 'Vi møtes sjelden, og <b>jeg</b> blir ikke hørt.';
  await page.getByLabel('Vil du si noe mer? (kan stå tomt)').fill(comment);
  await trust.getByText('1', { exact: true }).click();
  await submit.click();
  await expect(page.getByText('Velg et tall fra 1 til 5.').first()).toBeVisible();
  await expect(page.getByLabel('Vil du si noe mer? (kan stå tomt)')).toHaveValue(comment);

  for (const [question, score] of [
    ['Jeg stoler på den frivillige min', '1'],
    ['Vi gjør ting som jeg velger', '2'],
    ['Jeg gleder meg til møtene våre', '2'],
    ['Den frivillige hører på meg', '1'],
    ['Møtene hjelper meg med planen min', '3'],
  ] as const) {
    await page.getByRole('group', { name: question }).getByText(score, { exact: true }).click();
  }
  await page.getByRole('button', { name: 'Send svaret' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Takk for svaret' })).toBeVisible();
  await checker.goto('/p/done');
  await expectAccessible(checker);

  // The link is used: opening it again shows the friendly page, not an error.
  const again = await page.goto(href!);
  expect(again?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1, name: 'Denne lenken virker ikke' })).toBeVisible();
  await checker.goto(href!);
  await expectAccessible(checker);
  await checker.context().close();

  // The coordinator is alerted at once; the email carries no answer, only the pair to open.
  const email = await waitForEmail(
    (e) => e.to.includes(demoEmail('COORDINATOR')) && e.subject === 'En deltaker har svart lavt på trivselsmålingen',
  );
  expect(email.text).toContain(`/pairs/${pairId}`);
  expect(email.text).not.toContain('hørt');
  await desk.goto('/dashboard');
  const alert = desk.getByRole('region', { name: 'Lav trivselsmåling' });
  await expect(alert.getByRole('link', { name: /^Mats, svarte/ })).toHaveAttribute('href', `/pairs/${pairId}`);
  await expectAccessible(desk);
  await desk.goto('/mailbox');
  await expect(desk.getByText('En deltaker har svart lavt på trivselsmålingen').first()).toBeVisible();

  // The answer is on the pair page, escaped, marked low, and counted in /reports.
  await desk.goto(`/pairs/${pairId}`);
  const answers = desk.locator('[data-answer="PULSE"]');
  await expect(answers).toHaveCount(1);
  await expect(answers.getByText('Lav score')).toBeVisible();
  await expect(answers.getByText(comment)).toBeVisible();
  await expect(desk.getByText('Besvart').first()).toBeVisible();
  await expectAccessible(desk);

  expect(await pulseAnswersOnReport(desk)).toBe(before + 1);
  const month = desk.locator(`tr[data-month="${monthOf(currentTime())}"]`);
  await expect(month).toBeVisible();
  expect(Number(await month.locator('td').nth(2).textContent())).toBeGreaterThanOrEqual(1);
  await expect(desk.getByRole('heading', { name: 'Deltakernes egne svar' })).toBeVisible();
  await expectAccessible(desk);
  await desk.context().close();
});

test('the participant says "Jeg kommer" to a meeting on "my next meetings" without JavaScript, and can change it', async ({
  page,
  browser,
  baseURL,
}) => {
  const pairId = await createActivePair({ meeting: true });
  const desk = await coordinatorPage(browser, baseURL);
  await desk.goto(`/pairs/${pairId}`);
  await desk.getByLabel('Hva lenken er til').selectOption({ label: 'Mine neste møter' });
  await desk.getByRole('button', { name: 'Lag lenke' }).click();
  const href = await desk.getByRole('link', { name: /\/p\// }).getAttribute('href');
  await desk.context().close();

  await page.goto(href!);
  await expect(page.getByRole('heading', { level: 1, name: 'Mine neste møter' })).toBeVisible();
  const meeting = page.locator('[data-meeting]');
  await expect(meeting).toHaveCount(1);
  await expect(meeting.getByText('Ikke svart ennå')).toBeVisible();
  for (const name of ['Jeg kommer', 'Jeg kan ikke komme']) {
    const box = await meeting.getByRole('button', { name }).boundingBox();
    expect(box!.height).toBeGreaterThanOrEqual(44);
    expect(box!.width).toBeGreaterThanOrEqual(44);
  }
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  await meeting.getByRole('button', { name: 'Jeg kommer' }).click();
  await expect(page).toHaveURL(new RegExp(`${href}$`));
  await expect(meeting.locator('dd').filter({ hasText: 'Jeg kommer' })).toBeVisible();
  await meeting.getByRole('button', { name: 'Jeg kan ikke komme' }).click();
  await expect(meeting.locator('dd').filter({ hasText: 'Jeg kan ikke komme' })).toBeVisible();

  const checker = await axePhone(browser, baseURL);
  await checker.goto(href!);
  await expectAccessible(checker);
  await checker.context().close();
});
