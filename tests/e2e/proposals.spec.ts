import type { Page } from '@playwright/test';
import { demoEmail, expect, expectAccessible, loginAs, readMailbox, test, waitForEmail } from './support';

/** The coordinator opens a waiting participant's suggestions and proposes a volunteer. */
async function propose(page: Page, participant: string, volunteer: string) {
  await loginAs(page, 'COORDINATOR');
  await page.goto('/matching');
  await page.getByRole('link', { name: `Se forslag for ${participant}` }).click();
  await expect(page.getByRole('heading', { name: `Forslag til frivillig for ${participant}` })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('button', { name: `Foreslå ${volunteer} som frivillig` }).click();
  await expect(page.getByRole('status')).toContainText('Paret er foreslått');
  // While the proposal is open, nobody else can be proposed for this participant.
  await expect(page.getByRole('heading', { name: 'Foreslåtte par' })).toBeVisible();
  await expect(page.getByRole('button', { name: /^Foreslå .* som frivillig$/ })).toHaveCount(0);
  await expect(page.getByText('Kan ikke foreslås nå: et forslag venter på svar.').first()).toBeVisible();
  await expectAccessible(page);
}

async function expectTouchTarget(page: Page, name: string, role: 'link' | 'button') {
  const box = await page.getByRole(role, { name }).boundingBox();
  expect(box?.height ?? 0).toBeGreaterThanOrEqual(44);
}

test('the volunteer accepts a proposal on a phone, and only then both sides are introduced by first name', async ({ page }) => {
  // Thea Solberg: an accepted participant waiting for a volunteer, without a wish for the gender;
  // Marte Frivoll: the demo volunteer, with a free place.
  await propose(page, 'Thea Solberg', 'Marte Frivoll');
  const asked = await waitForEmail(
    (email) => email.to.includes(demoEmail('VOLUNTEER')) && email.subject === 'Du har et forslag å svare på',
  );
  expect(asked.text).not.toContain('Thea');
  expect(asked.text).toContain('/me');
  await page.getByRole('button', { name: 'Logg ut' }).click();
  await expect(page).toHaveURL(/\/login$/); // signed out before the next step navigates

  await page.setViewportSize({ width: 390, height: 844 });
  await loginAs(page, 'VOLUNTEER');
  await page.goto('/me');
  const proposals = page.getByRole('region', { name: 'Forslag å svare på' });
  const card = proposals.getByRole('listitem').filter({ has: page.getByRole('heading', { name: 'Forslag: Thea' }) });
  await expect(card).toBeVisible();
  await expect(card).toContainText('hund');
  await expect(card).not.toContainText('Solberg');
  await expectTouchTarget(page, 'Godta forslaget om Thea', 'link');
  await expectTouchTarget(page, 'Avslå forslaget om Thea', 'link');
  await expectAccessible(page);

  await card.getByRole('link', { name: 'Godta forslaget om Thea' }).click();
  await expect(page.getByRole('heading', { name: 'Godta forslaget om Thea?' })).toBeVisible();
  await expectTouchTarget(page, 'Ja, godta forslaget', 'button');
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Ja, godta forslaget' }).click();
  await expect(page).toHaveURL(/\/me$/);
  await expect(page.getByRole('status')).toContainText('Du har godtatt forslaget');
  await expect(page.getByRole('heading', { name: 'Du og Thea' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Forslag: Thea' })).toHaveCount(0);
  await expectAccessible(page);

  const toVolunteer = await waitForEmail((email) => email.to.includes(demoEmail('VOLUNTEER')) && email.subject.includes('Thea'));
  expect(toVolunteer.text).toContain('Thea');
  expect(toVolunteer.text).not.toContain('Solberg');
  const toReferrer = await waitForEmail((email) => email.subject === 'En frivillig er funnet' && email.text.includes('Marte'));
  expect(toReferrer.text).not.toContain('Frivoll');
});

test('a withdrawn proposal tells the volunteer, and nobody is introduced', async ({ page }) => {
  // Henrik Aune: an accepted participant waiting for a volunteer; Bjørn Stavrum: a ready
  // volunteer without a sign-in whose earlier pair ended (the demo seed's address for him).
  const bjorn = 'bjrn.stavrum@example.no';
  await propose(page, 'Henrik Aune', 'Bjørn Stavrum');
  await page.getByText('Trekk forslaget', { exact: true }).click();
  await page.getByRole('button', { name: 'Trekk forslaget til Bjørn Stavrum' }).click();
  await expect(page.getByRole('status')).toHaveText('Forslaget er trukket.');
  await expect(page.getByRole('button', { name: 'Foreslå Bjørn Stavrum som frivillig' })).toBeVisible();
  await expectAccessible(page);

  const withdrawn = await waitForEmail((email) => email.to.includes(bjorn) && email.subject === 'Et forslag er trukket');
  expect(withdrawn.text).not.toContain('Henrik');
  // The proposal email was queued before the withdrawal, so it has arrived too; no introduction ever.
  const toBjorn = readMailbox().filter((email) => email.to.includes(bjorn));
  expect(toBjorn.map((email) => email.subject).sort()).toEqual(['Du har et forslag å svare på', 'Et forslag er trukket']);
  expect(readMailbox().some((email) => email.subject === 'En frivillig er funnet' && email.text.includes('Bjørn'))).toBe(false);
});
