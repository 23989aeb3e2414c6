import type { Page } from '@playwright/test';
import type { Role } from '~/lib/roles';
import { en } from '~/lib/messages/en';
import { nb } from '~/lib/messages/nb';
import { demoEmail, expect, expectAccessible, loginAs, test } from './support';
import { e2eRow } from './database';

/**
 * A person never reads an ISO date, a "2026-H2" key, an enum code or — in English — a
 * Norwegian page title. Each role (and an anonymous visitor) walks every page its navigation
 * offers and a representative record page of each kind, in both languages; every finding on
 * every page is collected and reported together.
 */

type Language = 'nb' | 'en';

async function id(sql: string, ...params: unknown[]): Promise<string | null> {
  return (await e2eRow<{ id: string }>(sql, ...params))?.id ?? null;
}

async function userId(role: Role): Promise<string> {
  return (await id('SELECT "id" FROM "User" WHERE "email" = ?', demoEmail(role)))!;
}

/** Record pages of each kind, chosen by what they are (the demo data has all of them). */
async function recordPages(role: Role): Promise<string[]> {
  if (role === 'COORDINATOR') {
    const participant = await id(
      `SELECT p."id" FROM "Participant" p JOIN "Pair" r ON r."participantId" = p."id" WHERE r."status" = 'ACTIVE' ORDER BY p."firstName"`,
    );
    const endedPair = await id(`SELECT "id" FROM "Pair" WHERE "status" = 'ENDED' ORDER BY "startDate"`);
    const activePair = await id(`SELECT "id" FROM "Pair" WHERE "status" = 'ACTIVE' ORDER BY "startDate"`);
    const waiting = await id(`SELECT "id" FROM "Participant" WHERE "status" = 'ACCEPTED' ORDER BY "firstName"`);
    const referral = await id(
      `SELECT r."id" FROM "Referral" r JOIN "Participant" p ON p."id" = r."participantId" WHERE p."status" = 'REFERRED' ORDER BY p."firstName"`,
    );
    const decided = await id(
      `SELECT r."id" FROM "Referral" r JOIN "Participant" p ON p."id" = r."participantId" WHERE p."status" = 'DECLINED' ORDER BY p."firstName"`,
    );
    const volunteer = await id(`SELECT "id" FROM "VolunteerProfile" WHERE "status" = 'READY' ORDER BY "createdAt"`);
    const screening = await id(`SELECT "id" FROM "VolunteerProfile" WHERE "status" = 'SCREENING' ORDER BY "createdAt"`);
    const meeting = await id('SELECT m."id" FROM "Meeting" m JOIN "MeetingLog" l ON l."meetingId" = m."id" ORDER BY m."startsAt" DESC');
    const course = await id('SELECT "id" FROM "TrainingCourse" ORDER BY "createdAt"');
    const endedParticipant = await id(`SELECT "participantId" AS "id" FROM "Pair" WHERE "status" = 'ENDED' ORDER BY "startDate"`);
    return [
      `/referrals/${referral}`,
      `/referrals/${decided}`,
      `/participants/${participant}`,
      `/participants/${participant}/plan`,
      `/participants/${participant}/plan/handover`,
      `/participants/${endedParticipant}`,
      `/participants/${endedParticipant}/plan/handover`,
      `/volunteers/${volunteer}`,
      `/volunteers/${screening}`,
      `/pairs/${activePair}`,
      `/pairs/${activePair}/close`,
      `/pairs/${endedPair}`,
      `/meetings/${meeting}`,
      `/matching/${waiting}`,
      `/training/${course}`,
      '/referrals/new',
      '/settings/costs',
      '/account/two-factor',
    ].filter((page) => !page.includes('null'));
  }
  if (role === 'VOLUNTEER') {
    const volunteer = await id('SELECT "id" FROM "VolunteerProfile" WHERE "userId" = ?', await userId('VOLUNTEER'));
    const pair = await id(`SELECT "id" FROM "Pair" WHERE "volunteerId" = ? AND "status" = 'ACTIVE' ORDER BY "startDate"`, volunteer);
    const participant = await id(
      `SELECT "participantId" AS "id" FROM "Pair" WHERE "volunteerId" = ? AND "status" = 'ACTIVE' ORDER BY "startDate"`,
      volunteer,
    );
    const meeting = await id('SELECT "id" FROM "Meeting" WHERE "pairId" = ? ORDER BY "startsAt" DESC', pair);
    const planned = await id(`SELECT "id" FROM "Meeting" WHERE "pairId" = ? AND "status" = 'PLANNED' ORDER BY "startsAt"`, pair);
    return [
      `/pairs/${pair}`,
      `/pairs/${pair}/plan`,
      `/meetings/${meeting}`,
      `/meetings/${planned}`,
      `/participants/${participant}/plan`,
    ].filter((page) => !page.includes('null'));
  }
  if (role === 'PROBATION_OFFICER') {
    const officer = await userId('PROBATION_OFFICER');
    const referral = await id('SELECT "id" FROM "Referral" WHERE "referrerId" = ? ORDER BY "createdAt"', officer);
    const participant = await id('SELECT "participantId" AS "id" FROM "Referral" WHERE "referrerId" = ? ORDER BY "createdAt"', officer);
    return [`/referrals/${referral}`, `/referrals/new`, `/participants/${participant}/plan`].filter((page) => !page.includes('null'));
  }
  return [];
}

const PUBLIC_PAGES = ['/login', '/apply'];

const ISO_DATE = /\b\d{4}-\d{2}-\d{2}\b/g;
const HALF_YEAR_KEY = /\b\d{4}-H[12]\b/g;
// An enum code: an ALL_CAPS token with an underscore, or a status code standing as a word.
const ENUM_CODE = /\b[A-Z]{2,}(?:_[A-Z0-9]+)+\b/g;
const STATUS_CODES =
  /\b(?:ACTIVE|PROPOSED|ENDED|ON_HOLD|READY|SCREENING|APPLIED|PAUSED|LEFT|REFERRED|ACCEPTED|WAITLISTED|DECLINED|MATCHED|COMPLETED|WITHDRAWN|PLANNED|HELD|CANCELLED|NO_SHOW|PRISON_VISIT|CAFE|OUTDOORS|ACTIVITY|OTHER|PLANNED|UNPLANNED|VIEW|CREATE|UPDATE|DELETE|PARTICIPANT|VOLUNTEER|COORDINATOR|PAIR|MEETING|PLAN|REFERRAL|MALE|FEMALE|PENDING|SENT|FAILED)\b/g;

// A message key shown instead of its text (a code without a message), e.g. "privacy.audit.entity.NEW_THING".
const MESSAGE_KEY = /\b[a-z][a-zA-Z]*(?:\.[a-zA-Z0-9]+)*\.[A-Z][A-Z0-9_]+\b/g;
// A decimal in the other language's notation: "8.4" in bokmål, "3,4" in English.
const WRONG_DECIMAL: Record<Language, RegExp> = { nb: /(?<![\d.])\d+\.\d+(?![\d.])/g, en: /(?<![\d,])\d+,\d{1,2}(?![\d,])/g };
// The same word twice in a row ("Søkt Søkt").
const DOUBLED_WORD = /(?<![\p{L}\d])(\p{L}{3,}) \1(?![\p{L}\d])/gu;

// Norwegian page titles (the "… – Brobygger" of every route), to spot one left in English.
// A title spelt the same in both languages ("Matching") is not a Norwegian one.
const NB_TITLES = new Set(
  Object.entries(nb)
    .filter(([key, text]) => (key.startsWith('title.') || /^error\.\d+\.title$/.test(key)) && en[key as keyof typeof en] !== text)
    .map(([, text]) => `${text} – Brobygger`),
);

// The titles of the error pages, in both languages: a page that answered 200 must not carry one.
const ERROR_TITLES = new Set(
  [nb, en].flatMap((messages) =>
    Object.entries(messages)
      .filter(([key]) => /^error\.\d+\.title$/.test(key))
      .map(([, text]) => `${text} – Brobygger`),
  ),
);

interface Finding {
  page: string;
  problem: string;
}

async function setLanguage(page: Page, language: Language) {
  // The switch posts the language back to the current page; the saved choice follows the account.
  const response = await page.request.post('/language', { form: { language, redirectTo: '/' }, maxRedirects: 0 });
  expect(response.status()).toBe(302);
}

async function check(page: Page, path: string, language: Language, findings: Finding[], expectedStatus = 200) {
  const response = await page.goto(path);
  const where = `${language} ${path}`;
  if (response?.status() !== expectedStatus) findings.push({ page: where, problem: `answered ${response?.status()}` });
  const { text, title } = await page.evaluate(() => ({ text: document.body.innerText, title: document.title }));
  // Allowlist: the audit log shows each event's browser (user agent) as recorded, version numbers and all.
  const visible = `${title}\n${text}`.replace(/Mozilla\/5\.0[^\n\t]*/g, '');
  // Allowlist: the dev mailbox shows each email as sent, in its recipient's language, so its
  // decimals follow that language, not the reader's.
  const decimals = new URL(page.url()).pathname === '/mailbox' ? [] : [WRONG_DECIMAL[language]];
  for (const pattern of [ISO_DATE, HALF_YEAR_KEY, ENUM_CODE, STATUS_CODES, MESSAGE_KEY, ...decimals, DOUBLED_WORD]) {
    for (const match of new Set(visible.match(pattern) ?? [])) {
      const line = visible
        .split('\n')
        .find((l) => l.includes(match))
        ?.trim()
        .slice(0, 120);
      findings.push({ page: where, problem: `shows "${match}" in "${line}"` });
    }
  }
  if (!title) findings.push({ page: where, problem: 'has no <title>' });
  if (expectedStatus === 200 && ERROR_TITLES.has(title)) findings.push({ page: where, problem: `is titled as an error page: "${title}"` });
  if (language === 'en' && NB_TITLES.has(title)) findings.push({ page: where, problem: `has the Norwegian title "${title}"` });
  if (language === 'en' && (await page.locator('html').getAttribute('lang')) !== 'en')
    findings.push({ page: where, problem: 'html lang is not en' });
  await expectAccessible(page);
}

function report(findings: Finding[]) {
  expect(
    findings.map((f) => `${f.page}: ${f.problem}`),
    'language findings',
  ).toEqual([]);
}

async function navigationPages(page: Page): Promise<string[]> {
  const links = await page
    .getByRole('navigation', { name: /Hovedmeny|Main menu/ })
    // The links under "More" too, which are hidden while it is closed.
    .getByRole('link', { includeHidden: true })
    .evaluateAll((anchors) => anchors.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
  return [...new Set(links)];
}

for (const language of ['nb', 'en'] as const) {
  for (const role of ['COORDINATOR', 'VOLUNTEER', 'PROBATION_OFFICER'] as const) {
    test(`${role} in ${language}: no codes, ISO dates or half-year keys on any page`, async ({ page }) => {
      test.setTimeout(240_000);
      await loginAs(page, role);
      await setLanguage(page, language);
      try {
        const findings: Finding[] = [];
        await page.goto('/');
        const pages = [...(await navigationPages(page)), ...(await recordPages(role))];
        expect(pages.length).toBeGreaterThan(1);
        for (const path of pages) await check(page, path, language, findings);
        await check(page, '/no-such-page', language, findings, 404);
        report(findings);
      } finally {
        // The choice is saved on the account: other specs expect the demo users in bokmål.
        await setLanguage(page, 'nb');
      }
    });
  }

  test(`anonymous visitor in ${language}: public pages and the not-found page`, async ({ page }) => {
    await setLanguage(page, language);
    const findings: Finding[] = [];
    for (const path of PUBLIC_PAGES) await check(page, path, language, findings);
    await check(page, '/invite/not-a-real-token', language, findings, 404);
    await check(page, '/no-such-page', language, findings, 404);
    report(findings);
  });
}
