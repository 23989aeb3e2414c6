import { demoEmail, expect, expectAccessible, login, loginAs, test } from './support';

test('an anonymous visitor is sent to the login page, which lists the demo logins', async ({ page }) => {
  await page.goto('/');
  await expect(page).toHaveURL(/\/login$/);
  await expect(page.getByRole('heading', { name: 'Logg inn' })).toBeVisible();
  await expect(page).toHaveTitle('Logg inn – Brobygger');
  await expect(page.getByText('koordinator@brobygger.example')).toBeVisible();
  await expectAccessible(page);
});

test('the coordinator signs in and lands on the dashboard', async ({ page }) => {
  await loginAs(page, 'COORDINATOR');
  await expect(page).toHaveURL(/\/dashboard$/);
  await expect(page.getByRole('heading', { name: 'Oversikt', level: 1 })).toBeVisible();
  await expect(page).toHaveTitle('Oversikt – Brobygger');
  await expectAccessible(page);
});

test('the volunteer signs in and lands on /me, and gets the 403 page on /dashboard', async ({ page }) => {
  await loginAs(page, 'VOLUNTEER');
  await expect(page).toHaveURL(/\/me$/);
  await expect(page.getByRole('heading', { name: 'Mine møter', level: 1 })).toBeVisible();
  await expect(page).toHaveTitle('Mine møter – Brobygger');
  await expectAccessible(page);
  const response = await page.goto('/dashboard');
  expect(response?.status()).toBe(403);
  await expect(page.getByRole('heading', { name: 'Ingen tilgang' })).toBeVisible();
  await expect(page).toHaveTitle('Ingen tilgang – Brobygger');
  await expectAccessible(page);
});

test('the probation officer signs in and lands on their referrals', async ({ page }) => {
  await loginAs(page, 'PROBATION_OFFICER');
  await expect(page).toHaveURL(/\/referrals$/);
  await expect(page.getByRole('heading', { name: 'Henvisninger', level: 1 })).toBeVisible();
  await expectAccessible(page);
});

test('a wrong password is answered next to the form, and the email is kept', async ({ page }) => {
  await page.goto('/login');
  await page.getByLabel('E-post').fill(demoEmail('COORDINATOR'));
  await page.getByLabel('Passord').fill('not the password');
  await page.getByRole('button', { name: 'Logg inn' }).click();
  await expect(page.getByRole('alert')).toHaveText('Feil e-post eller passord.');
  await expect(page.getByLabel('E-post')).toHaveValue(demoEmail('COORDINATOR'));
  await expectAccessible(page);
});

test('after logout the old session cookie no longer works', async ({ page, context }) => {
  await login(page, demoEmail('PROBATION_OFFICER'));
  const before = (await context.cookies()).find((cookie) => cookie.name === 'bb_session');
  expect(before).toBeDefined();
  await page.getByRole('button', { name: 'Logg ut' }).click();
  await expect(page).toHaveURL(/\/login$/);
  await expect(page.getByRole('status')).toHaveText('Du er logget ut.');
  await context.addCookies([before!]);
  await page.goto('/referrals');
  await expect(page).toHaveURL(/\/login\?redirectTo=%2Freferrals$/);
});

test('the language switch shows the app in English', async ({ page }) => {
  await page.goto('/login');
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await page.getByRole('button', { name: 'Norsk' }).click();
  await expect(page.getByRole('heading', { name: 'Logg inn' })).toBeVisible();
});
