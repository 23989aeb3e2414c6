import { addDays, addMonths, todayInOslo } from '~/lib/time';
import { demoEmail, expect, expectAccessible, loginAs, test, waitForEmail } from './support';

const today = todayInOslo();

function randomLetters(length: number): string {
  return Array.from({ length }, () => 'abcdefghijklmnopqrstuvwxyzæøå'[Math.floor(Math.random() * 29)]).join('');
}

test('the officer refers, the coordinator accepts, the officer sees "Akseptert" and gets the email', async ({ page }) => {
  const lastName = `Åsheim-${randomLetters(6)}`;
  const name = `Sindre ${lastName}`;

  // The probation officer fills the referral form.
  await loginAs(page, 'PROBATION_OFFICER');
  await page.getByRole('link', { name: 'Ny henvisning' }).click();
  await expect(page.getByRole('heading', { name: 'Ny henvisning', level: 1 })).toBeVisible();
  await expectAccessible(page);

  await page.getByLabel('Fornavn').fill('Sindre');
  await page.getByLabel('Etternavn').fill(lastName);
  await page.getByLabel('Fødselsdato').fill(addMonths(today, -12 * 20));
  await page.getByLabel('Telefon (valgfritt)').fill('912 34 567');
  await page.getByLabel('Fengsel').fill('Trondheim fengsel, avdeling Leira');
  await page.getByLabel('Forventet løslatelse').fill(addDays(today, 40));
  await page.getByLabel('Kommune etter løslatelse').fill('Trondheim');
  await page.getByLabel('Interesser (valgfritt)').fill('fotball, musikk');
  const erVilKan = page.getByRole('group', { name: 'Er-Vil-Kan', exact: true });
  await erVilKan.getByLabel('Status').selectOption({ label: 'Fullført' });
  await page.getByLabel('Hvem tok imot samtykket').fill('Kontaktbetjent Nilsen');
  await page.getByLabel('Oppmøte på møtene med den som henviste').check();

  // Without the consent box ticked the form says why and stays.
  await page.getByRole('button', { name: 'Send henvisningen' }).click();
  await expect(page.getByText('Henvisningen kan ikke sendes uten deltakerens skriftlige samtykke.')).toBeVisible();
  await expect(page).toHaveURL(/\/referrals\/new$/);
  await expect(page.getByLabel('Etternavn')).toHaveValue(lastName);
  await expectAccessible(page);

  await page.getByLabel('Deltakeren har gitt skriftlig samtykke').check();
  await page.getByRole('button', { name: 'Send henvisningen' }).click();
  await expect(page.getByRole('heading', { name: `Henvisning: ${name}`, level: 1 })).toBeVisible();
  await expect(page.getByRole('status')).toHaveText('Henvisningen er sendt. Koordinatoren har fått beskjed.');
  await expect(page.getByText('Henvist', { exact: true }).first()).toBeVisible();
  const referralPath = new URL(page.url()).pathname;
  expect(referralPath).toMatch(/^\/referrals\/[a-z0-9]+$/);
  await expect(page.getByRole('link', { name: 'Er-Vil-Kan-plan' })).toHaveAttribute('href', /\/participants\/[a-z0-9]+\/plan$/);
  await expectAccessible(page);

  const newReferralMail = await waitForEmail((mail) => mail.to.includes(demoEmail('COORDINATOR')) && mail.text.includes(referralPath));
  expect(newReferralMail.subject).toBe('Ny henvisning til Brobygger');
  expect(newReferralMail.text).not.toContain(lastName);

  await page.getByRole('button', { name: 'Logg ut' }).click();
  await expect(page).toHaveURL(/\/login$/);

  // The coordinator finds it among the new referrals and accepts it.
  await loginAs(page, 'COORDINATOR');
  await page.goto('/referrals');
  await page.getByLabel('Status').selectOption({ label: 'Henvist' });
  await page.getByRole('button', { name: 'Vis' }).click();
  await expect(page).toHaveURL(/status=REFERRED/);
  await expectAccessible(page);
  await page.getByRole('link', { name }).click();
  await expect(page.getByRole('heading', { name: `Henvisning: ${name}`, level: 1 })).toBeVisible();
  await expect(page.getByText('Kontaktbetjent Nilsen')).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel('Beslutning').selectOption({ label: 'Akseptert' });
  await page.getByRole('button', { name: 'Lagre beslutningen' }).click();
  await expect(page.getByRole('status')).toHaveText('Henvisningen er akseptert. Den som henviste har fått beskjed.');
  await expect(page.getByRole('link', { name: 'Er-Vil-Kan-plan' })).toBeVisible();
  await expectAccessible(page);

  const decidedMail = await waitForEmail((mail) => mail.to.includes(demoEmail('PROBATION_OFFICER')) && mail.text.includes(referralPath));
  expect(decidedMail.subject).toBe('Henvisningen din er akseptert');
  expect(decidedMail.text).not.toContain(lastName);

  await page.getByRole('button', { name: 'Logg ut' }).click();
  await expect(page).toHaveURL(/\/login$/);

  // The officer sees the decision in the list and on the referral's timeline.
  await loginAs(page, 'PROBATION_OFFICER');
  const row = page.getByRole('row').filter({ has: page.getByRole('link', { name }) });
  await expect(row.getByText('Akseptert')).toBeVisible();
  await expectAccessible(page);
  await row.getByRole('link', { name }).click();
  await expect(page.getByRole('list').filter({ hasText: 'Akseptert' })).toBeVisible();
  await expect(page.getByLabel('Beslutning')).toHaveCount(0);
  await expectAccessible(page);
});

test('an officer gets the 404 page for a referral that is not theirs', async ({ page }) => {
  await loginAs(page, 'COORDINATOR');
  await page.goto('/referrals');
  // Demo referrals are spread over four officers; find one made by someone else.
  await page.getByRole('link', { name: 'Oliver Ås' }).click();
  await expect(page.getByText(/Henvist av Siri Hansen/)).toBeVisible();
  const foreignPath = new URL(page.url()).pathname;
  await page.getByRole('button', { name: 'Logg ut' }).click();
  await expect(page).toHaveURL(/\/login$/);

  await loginAs(page, 'PROBATION_OFFICER');
  const response = await page.goto(foreignPath);
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { name: 'Fant ikke siden' })).toBeVisible();
  await expectAccessible(page);
});

test('the coordinator sees the participant page and it works on a narrow phone screen', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await loginAs(page, 'COORDINATOR');
  await page.goto('/referrals');
  await page.getByRole('link', { name: 'Oliver Ås' }).click();
  await page.getByRole('link', { name: 'Åpne deltakersiden' }).click();
  await expect(page.getByRole('heading', { name: 'Oliver Ås', level: 1 })).toBeVisible();
  await expect(page.getByText('I fengsel', { exact: true })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Statushistorikk' })).toBeVisible();
  await expect(page.getByRole('listitem').filter({ hasText: /^Russamtalen – Fullført/ })).toBeVisible();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await expectAccessible(page);
});

test('a possible duplicate is shown with a link before saving, and saved once confirmed', async ({ page }) => {
  const lastName = `Dobbeltsjekk-${randomLetters(6)}`;
  const dateOfBirth = addMonths(today, -12 * 22);
  await loginAs(page, 'PROBATION_OFFICER');

  async function fillAndSend() {
    await page.goto('/referrals/new');
    await page.getByLabel('Fornavn').fill('Ella');
    await page.getByLabel('Etternavn').fill(lastName);
    await page.getByLabel('Fødselsdato').fill(dateOfBirth);
    await page.getByLabel('Fengsel').fill('Verdal fengsel');
    await page.getByLabel('Forventet løslatelse').fill(addDays(today, 90));
    await page.getByLabel('Kommune etter løslatelse').fill('Verdal');
    await page.getByLabel('Deltakeren har gitt skriftlig samtykke').check();
    await page.getByLabel('Hvem tok imot samtykket').fill('Kontaktbetjent Nilsen');
    await page.getByRole('button', { name: 'Send henvisningen' }).click();
  }

  await fillAndSend();
  await expect(page.getByRole('heading', { name: `Henvisning: Ella ${lastName}` })).toBeVisible();
  const firstPath = new URL(page.url()).pathname;

  await fillAndSend();
  const warning = page.getByRole('alert').filter({ hasText: 'Finnes deltakeren allerede?' });
  await expect(warning).toBeVisible();
  await expect(warning.getByRole('link', { name: `Ella ${lastName}` })).toHaveAttribute('href', firstPath);
  await expect(page.getByLabel('Etternavn')).toHaveValue(lastName);
  await expectAccessible(page);

  await page.getByLabel('Jeg har sjekket. Dette er en annen person, registrer henvisningen.').check();
  await page.getByRole('button', { name: 'Send henvisningen' }).click();
  await expect(page.getByRole('heading', { name: `Henvisning: Ella ${lastName}` })).toBeVisible();
  expect(new URL(page.url()).pathname).not.toBe(firstPath);
  await page.goto('/referrals');
  await expect(page.getByRole('link', { name: `Ella ${lastName}` })).toHaveCount(2);
});
