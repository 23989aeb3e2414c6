import crypto from 'node:crypto';
import { addDays, addMonths, todayInOslo } from '~/lib/time';
import { withE2eDatabase } from './database';
import { demoEmail, expect, expectAccessible, loginAs, test, waitForEmail } from './support';

/**
 * The referrer's own view and withdrawal, and the coordinator's list at scale. Each test makes
 * the records it needs, under names no other spec uses.
 */

const today = todayInOslo();

function randomLetters(length: number): string {
  return Array.from({ length }, () => 'abcdefghijklmnopqrstuvwxyzæøå'[crypto.randomInt(29)]).join('');
}

/**
 * Referrals by another demo officer, written straight into the e2e database (too many to fill
 * in one by one). Made two years ago, so they sort after every other spec's referrals and push
 * none of them off the list's first page. Their search key is left empty, as for rows written
 * by any other path, for the app to fill.
 */
async function insertReferrals(rows: { firstName: string; lastName: string; status: string }[]) {
  await withE2eDatabase(async (db) => {
    const referrer = await db.user.findUniqueOrThrow({ where: { email: 'siri.hansen@kriminalomsorg.example' }, select: { id: true } });
    const createdAt = new Date(Date.parse(`${addDays(today, -730)}T09:00:00Z`));
    const made = rows.map((row, index) => ({
      row,
      at: new Date(createdAt.getTime() + index * 60_000),
      participantId: `e2ereferrer${crypto.randomBytes(8).toString('hex')}`,
    }));
    await db.$transaction([
      db.participant.createMany({
        data: made.map(({ row, at, participantId }) => ({
          id: participantId,
          firstName: row.firstName,
          lastName: row.lastName,
          dateOfBirth: addMonths(today, -12 * 21),
          prison: 'Verdal fengsel',
          expectedReleaseDate: addDays(today, 100),
          releaseMunicipality: 'Verdal',
          interests: [],
          languages: ['norsk'],
          status: row.status,
          statusChangedAt: at,
          createdAt: at,
          updatedAt: at,
        })),
      }),
      db.referral.createMany({
        data: made.map(({ at, participantId }) => ({
          id: `e2ereferral${crypto.randomBytes(8).toString('hex')}`,
          participantId,
          referrerId: referrer.id,
          referralDate: addDays(today, -730),
          createdAt: at,
          updatedAt: at,
        })),
      }),
    ]);
  });
}

test('the probation officer refers, sees everything they sent in words, and withdraws it with a reason and a confirmation', async ({
  page,
}) => {
  const lastName = `Ærøy-${randomLetters(6)}`;
  const name = `Ørnulf ${lastName}`;

  await loginAs(page, 'PROBATION_OFFICER');
  await page.goto('/referrals/new');
  await page.getByLabel('Fornavn').fill('Ørnulf');
  await page.getByLabel('Etternavn').fill(lastName);
  await page.getByLabel('Fødselsdato').fill(addMonths(today, -12 * 22));
  await page.getByLabel('Telefon (valgfritt)').fill('91234567');
  await page.getByLabel('Fengsel').fill('Trondheim fengsel, avdeling Leira');
  await page.getByLabel('Forventet løslatelse').fill(addDays(today, 60));
  await page.getByLabel('Kommune etter løslatelse').fill('Orkland');
  await page.getByLabel('Interesser (valgfritt)').fill('sjakk, klatring');
  await page.getByLabel('Språk (valgfritt)').fill('norsk, polsk');
  await page.getByLabel('Behov (valgfritt)').fill('Trenger hjelp med å søke jobb.');
  const krimfokus = page.getByRole('group', { name: 'Krimfokus', exact: true });
  await krimfokus.getByLabel('Status').selectOption({ label: 'Pågår' });
  await page.getByLabel('Deltakeren har gitt skriftlig samtykke').check();
  await page.getByLabel('Hvem tok imot samtykket').fill('Kontaktbetjent Aasen');
  await page.getByRole('button', { name: 'Send henvisningen' }).click();
  await expect(page.getByRole('heading', { name: `Henvisning: ${name}`, level: 1 })).toBeVisible();
  const referralPath = new URL(page.url()).pathname;

  // Everything they submitted, in words.
  const details = page.getByRole('region', { name: 'Opplysninger i henvisningen' });
  await expect(details.getByText('912 34 567')).toBeVisible();
  await expect(details.getByText('Trondheim fengsel, avdeling Leira')).toBeVisible();
  await expect(details.getByText('Orkland')).toBeVisible();
  await expect(details.getByText('sjakk, klatring')).toBeVisible();
  await expect(details.getByText('norsk, polsk')).toBeVisible();
  await expect(details.getByText('Trenger hjelp med å søke jobb.')).toBeVisible();
  await expect(details.getByRole('listitem').filter({ hasText: /^Krimfokus – Pågår/ })).toBeVisible();
  await expect(details.getByText(/tatt imot av Kontaktbetjent Aasen/)).toBeVisible();
  await expect(details.getByText(/\d{4}-\d{2}-\d{2}/)).toHaveCount(0);
  await expectAccessible(page);

  // The withdrawal asks for a reason and a tick, with nothing chosen for them.
  await page.getByRole('link', { name: 'Trekk tilbake henvisningen' }).click();
  await expect(page.getByRole('heading', { name: `Trekk tilbake henvisningen av ${name}`, level: 1 })).toBeVisible();
  await expect(page.getByLabel('Jeg bekrefter at henvisningen skal trekkes tilbake')).not.toBeChecked();
  await expect(page.getByLabel('Begrunnelse')).toHaveValue('');
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Trekk tilbake henvisningen' }).click();
  await expect(page.getByText('Fyll ut dette feltet.')).toBeVisible();
  await expect(page.getByText('Kryss av for å bekrefte at henvisningen skal trekkes tilbake.')).toBeVisible();
  await page.getByLabel('Begrunnelse').fill('Deltakeren ønsker ikke lenger å delta.');
  await page.getByRole('button', { name: 'Trekk tilbake henvisningen' }).click();
  await expect(page.getByText('Kryss av for å bekrefte at henvisningen skal trekkes tilbake.')).toBeVisible();
  await expect(page.getByLabel('Begrunnelse')).toHaveValue('Deltakeren ønsker ikke lenger å delta.');
  await page.getByLabel('Jeg bekrefter at henvisningen skal trekkes tilbake').check();
  await page.getByRole('button', { name: 'Trekk tilbake henvisningen' }).click();

  await expect(page).toHaveURL(new RegExp(`${referralPath}$`));
  await expect(page.getByRole('status')).toHaveText('Henvisningen er trukket tilbake. Koordinatoren har fått beskjed.');
  const timeline = page.getByRole('region', { name: 'Status underveis' });
  await expect(timeline.getByText('Trukket seg')).toBeVisible();
  await expect(timeline.getByText('Deltakeren ønsker ikke lenger å delta.')).toBeVisible();
  await expect(page.getByRole('link', { name: 'Trekk tilbake henvisningen' })).toHaveCount(0);
  await expectAccessible(page);

  const mail = await waitForEmail(
    (email) =>
      email.to.includes(demoEmail('COORDINATOR')) &&
      email.text.includes(referralPath) &&
      email.subject === 'En henvisning er trukket tilbake',
  );
  expect(mail.text).not.toContain(lastName);
  expect(mail.text).not.toContain('ønsker ikke lenger');

  // Withdrawn is final: the withdrawal page now says so and offers no form.
  await page.goto(`${referralPath}/withdraw`);
  await expect(page.getByText('Henvisningen er allerede vurdert og kan ikke trekkes tilbake her.')).toBeVisible();
  await expect(page.getByLabel('Begrunnelse')).toHaveCount(0);

  // Their own list finds it by part of the name, in capitals.
  await page.goto('/referrals');
  await page.getByLabel('Søk etter navn').fill(lastName.slice(0, 6).toUpperCase());
  await page.getByRole('button', { name: 'Vis' }).click();
  const row = page.getByRole('row').filter({ has: page.getByRole('link', { name }) });
  await expect(row.getByText('Trukket seg')).toBeVisible();
});

test('the coordinator pages through the referrals and finds them by part of a name with æøå and by status', async ({ page }) => {
  const tag = randomLetters(5);
  const family = `Bladsø${tag}`;
  await insertReferrals(
    Array.from({ length: 55 }, (_, index) => ({
      firstName: index % 2 === 0 ? 'Åsmund' : 'Ærle',
      lastName: `${family}-${index}`,
      status: index < 3 ? 'ACCEPTED' : 'REFERRED',
    })),
  );

  await loginAs(page, 'COORDINATOR');
  await page.goto('/referrals');
  await expect(page.getByText(/^Henvisninger i alt: \d+$/)).toBeVisible();
  await expect(page.locator('tbody tr')).toHaveCount(50);
  await expect(page.getByRole('navigation', { name: /^Side 1 av \d+$/ })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('link', { name: 'Neste side' }).click();
  await expect(page).toHaveURL(/[?&]page=2$/);
  await expect(page.getByRole('navigation', { name: /^Side 2 av \d+$/ })).toBeVisible();

  // Part of the name, in capitals, æøå included.
  const search = `bladsø${tag}`.toUpperCase();
  await page.getByLabel('Søk etter navn').fill(search);
  await page.getByRole('button', { name: 'Vis' }).click();
  await expect(page).toHaveURL(/[?&]q=/);
  await expect(page.getByText('Henvisninger som passer: 55')).toBeVisible();
  await expect(page.getByLabel('Søk etter navn')).toHaveValue(search);
  await expect(page.locator('tbody tr')).toHaveCount(50);
  await expectAccessible(page);
  await page.getByRole('link', { name: 'Neste side' }).click();
  await expect(page.getByRole('navigation', { name: 'Side 2 av 2' })).toBeVisible();
  await expect(page.locator('tbody tr')).toHaveCount(5);
  await expect(page.getByLabel('Søk etter navn')).toHaveValue(search);

  // First name and part of the family name; then with the status filter.
  await page.getByLabel('Søk etter navn').fill(`ærle ${family.slice(0, 7)}`);
  await page.getByLabel('Status').selectOption({ label: 'Akseptert' });
  await page.getByRole('button', { name: 'Vis' }).click();
  await expect(page.getByText('Henvisninger som passer: 1')).toBeVisible();
  await expect(page.getByRole('link', { name: `Ærle ${family}-1`, exact: true })).toBeVisible();
  await expect(page.getByLabel('Status')).toHaveValue('ACCEPTED');
  await expect(page.getByRole('navigation', { name: /^Side/ })).toHaveCount(0);
  await expectAccessible(page);
});
