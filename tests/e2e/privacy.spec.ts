import { Secret, TOTP } from 'otpauth';
import { expect, expectAccessible, loginAs, test, waitForEmail } from './support';
import { withE2eDatabase } from './database';

async function participantId(firstName: string, lastName: string): Promise<string> {
  const row = await withE2eDatabase((db) => db.participant.findFirstOrThrow({ where: { firstName, lastName }, select: { id: true } }));
  return row.id;
}

test('the coordinator sees who viewed a participant in the audit log, and downloads the access-request export', async ({ page }) => {
  await loginAs(page, 'COORDINATOR');
  const id = await participantId('Jonas', 'Lie');
  await page.goto(`/participants/${id}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Jonas Lie' })).toBeVisible();
  await expectAccessible(page);

  const exportLink = page.getByRole('link', { name: 'Last ned alt vi har om deltakeren (innsyn, JSON)' });
  const response = await page.request.get((await exportLink.getAttribute('href'))!);
  expect(response.status()).toBe(200);
  const body = (await response.json()) as { participant: { id: string; firstName: string; pairs: unknown[]; referrals: unknown[] } };
  expect(body.participant).toMatchObject({ id, firstName: 'Jonas' });
  expect(body.participant.referrals.length).toBeGreaterThan(0);

  await page.getByRole('link', { name: 'Se logg for denne deltakeren' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Logg over innsyn og endringer' })).toBeVisible();
  await expect(page.getByLabel('Deltaker')).toHaveValue(id);
  const rows = page.getByRole('row');
  await expect(rows.filter({ hasText: 'Eksporterte' }).first()).toBeVisible();
  await expect(rows.filter({ hasText: 'Så' }).filter({ hasText: 'Kari' }).first()).toBeVisible();
  await expectAccessible(page);
});

test('a new coordinator refuses a common password, turns on two-factor sign-in and needs a code at the next sign-in', async ({
  page,
  browser,
}) => {
  const email = `ny.koordinator.${Date.now()}@brobygger.example`;
  await loginAs(page, 'COORDINATOR');
  await page.goto('/users');
  await page.getByLabel('E-post', { exact: true }).fill(email);
  await page.getByLabel('Rolle').selectOption('COORDINATOR');
  await page.getByRole('button', { name: 'Send invitasjon' }).click();
  await expect(page.getByText(email).first()).toBeVisible();
  const invitation = await waitForEmail((mail) => mail.to.includes(email));
  const link = /\/invite\/[\w-]+/.exec(invitation.text)![0];

  const context = await browser.newContext();
  const newcomer = await context.newPage();
  await newcomer.goto(link);
  await newcomer.getByLabel('Navn').fill('Nina Ny');
  await newcomer.getByLabel('Passord', { exact: true }).fill('passwordpassword1');
  await newcomer.getByLabel('Gjenta passordet').fill('passwordpassword1');
  await newcomer.getByRole('button', { name: 'Opprett konto' }).click();
  await expect(newcomer.getByText('Dette passordet er for vanlig eller har vært lekket.')).toBeVisible();
  await expectAccessible(newcomer);
  const password = 'syv blå sykler ved fjorden';
  await newcomer.getByLabel('Passord', { exact: true }).fill(password);
  await newcomer.getByLabel('Gjenta passordet').fill(password);
  await newcomer.getByRole('button', { name: 'Opprett konto' }).click();
  await expect(newcomer).toHaveURL(/\/dashboard$/);

  await newcomer.goto('/account');
  await expectAccessible(newcomer);
  await newcomer.getByRole('link', { name: 'Tofaktorpålogging' }).click();
  await expect(newcomer.getByRole('heading', { level: 1, name: 'Tofaktorpålogging' })).toBeVisible();
  await expect(newcomer.getByRole('img', { name: 'QR-kode for å legge Brobygger til i autentiseringsappen' })).toBeVisible();
  await expectAccessible(newcomer);
  const secret = (await newcomer.getByTestId('totp-secret').textContent())!.trim();
  const totp = new TOTP({ label: email, secret: Secret.fromBase32(secret) });
  await newcomer.getByLabel('Kode').fill(totp.generate());
  await newcomer.getByRole('button', { name: 'Slå på tofaktorpålogging' }).click();
  await expect(newcomer.getByRole('heading', { level: 1, name: 'Tofaktorpålogging er slått på' })).toBeVisible();
  await expect(newcomer.getByRole('list', { name: 'Gjenopprettingskoder' }).getByRole('listitem')).toHaveCount(10);
  await expectAccessible(newcomer);

  await newcomer.getByRole('button', { name: 'Logg ut' }).click();
  await newcomer.getByLabel('E-post').fill(email);
  await newcomer.getByLabel('Passord').fill(password);
  await newcomer.getByRole('button', { name: 'Logg inn' }).click();
  await expect(newcomer).toHaveURL(/\/login\/two-factor/);
  await expect(newcomer.getByRole('heading', { level: 1, name: 'Bekreft at det er deg' })).toBeVisible();
  await expectAccessible(newcomer);
  // Until the code is given, the app stays closed.
  await newcomer.goto('/dashboard');
  await expect(newcomer).toHaveURL(/\/login\/two-factor$/);
  await newcomer.getByLabel('Kode').fill('000000');
  await newcomer.getByRole('button', { name: 'Bekreft' }).click();
  await expect(newcomer.getByRole('alert')).toHaveText('Koden stemmer ikke. Prøv igjen med en ny kode.');
  await expectAccessible(newcomer);
  // The next time step's code (the one used to turn it on cannot be used again).
  await newcomer.getByLabel('Kode').fill(totp.generate({ timestamp: Date.now() + 30_000 }));
  await newcomer.getByRole('button', { name: 'Bekreft' }).click();
  await expect(newcomer).toHaveURL(/\/dashboard$/);
  await expect(newcomer.getByRole('heading', { level: 1, name: 'Oversikt' })).toBeVisible();
  await context.close();
});
