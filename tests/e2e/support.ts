import fs from 'node:fs';
import { AxeBuilder } from '@axe-core/playwright';
import { test as base, expect, type Page } from '@playwright/test';
import { DEMO_LOGINS, DEMO_PASSWORD } from '~/domain/users/demo-logins';
import { currentTime } from '~/lib/clock';
import { formatDate, todayInOslo } from '~/lib/time';
import type { Role } from '~/lib/roles';
import type { ReceivedEmail } from '../support/smtp-server';
import { freshDemoData } from './fresh-demo-data';
import { MAILBOX_FILE } from './paths';

let seededFor: string | null = null;

/**
 * Every test fails on a console error or an uncaught page error. The one exception is the
 * browser's own "Failed to load resource" line for an answer that is 4xx by design: a page
 * navigation a test expects to answer 403/404 (the error page), or a form POST answered 400,
 * 409 or 429 with field messages.
 */
export const test = base.extend<{ freshDataPerSpec: void; consoleErrors: string[] }>({
  // Each spec file starts from freshly seeded demo data (tests/e2e/fresh-demo-data.ts).
  freshDataPerSpec: [
    // eslint-disable-next-line no-empty-pattern -- Playwright reads the fixtures a function takes from its first parameter's pattern
    async ({}, use, testInfo) => {
      if (seededFor !== testInfo.file) {
        await freshDemoData();
        seededFor = testInfo.file;
      }
      await use();
    },
    { auto: true },
  ],
  consoleErrors: [
    async ({ page }, use) => {
      const errors: string[] = [];
      const errorPages = new Set<string>();
      page.on('response', (response) => {
        const request = response.request();
        if (request.isNavigationRequest() && [403, 404].includes(response.status())) errorPages.add(response.url());
        if (request.method() === 'POST' && [400, 409, 429].includes(response.status())) errorPages.add(response.url());
      });
      page.on('console', (message) => {
        if (message.type() !== 'error') return;
        const isErrorPage = message.text().startsWith('Failed to load resource') && errorPages.has(message.location().url);
        if (!isErrorPage) errors.push(`${message.text()} (${message.location().url})`);
      });
      page.on('pageerror', (error) => errors.push(error.message));
      await use(errors);
      expect(errors, 'console errors during the test').toEqual([]);
    },
    { auto: true },
  ],
});
export { expect };

export function demoEmail(role: Role): string {
  return DEMO_LOGINS.find((login) => login.role === role)!.email;
}

export async function login(page: Page, email: string, password = DEMO_PASSWORD) {
  await page.goto('/login');
  await page.getByLabel('E-post').fill(email);
  await page.getByLabel('Passord').fill(password);
  await page.getByRole('button', { name: 'Logg inn' }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
}

export async function loginAs(page: Page, role: Role) {
  await login(page, demoEmail(role));
}

/** axe-core on the current page: no serious or critical WCAG 2.2 A/AA violations. */
export async function expectAccessible(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(
    serious.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`),
    `accessibility violations on ${page.url()}`,
  ).toEqual([]);
}

/**
 * On the volunteer's /me: the link that logs the demo pair's meeting from earlier today (the
 * demo seed always has one), chosen by its date, so the meeting is in this month on any day.
 */
export function todaysMeetingToLog(page: Page) {
  const today = formatDate(todayInOslo(currentTime()), 'nb').replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return page.getByRole('link', { name: new RegExp(`^Logg møtet \\D*${today}`) });
}

export function readMailbox(): ReceivedEmail[] {
  if (!fs.existsSync(MAILBOX_FILE)) return [];
  return fs
    .readFileSync(MAILBOX_FILE, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as ReceivedEmail);
}

/** Waits for an email to reach the e2e SMTP server. */
export async function waitForEmail(predicate: (email: ReceivedEmail) => boolean): Promise<ReceivedEmail> {
  let found: ReceivedEmail | undefined;
  await expect
    .poll(
      () => {
        found = readMailbox().find(predicate);
        return Boolean(found);
      },
      { timeout: 20_000 },
    )
    .toBe(true);
  return found!;
}
