import crypto from 'node:crypto';
import { addDays, todayInOslo } from '~/lib/time';
import { createMeeting, createPair, createParticipant, createUser, createVolunteer } from '../../prisma/fixtures/factories';
import { e2eDatabaseClient } from './database';
import { expect, expectAccessible, loginAs, test, waitForEmail } from './support';

/**
 * Ending a pair as a deliberate, confirmed step. The spec makes its own active pair (a new
 * officer's referral, a new volunteer, two meetings still planned), so no other spec's demo
 * pair is ended and the order of the specs does not matter.
 */
async function createActivePair() {
  const db = e2eDatabaseClient();
  try {
    const suffix = crypto.randomBytes(3).toString('hex');
    const today = todayInOslo();
    const officer = await createUser(db, {
      role: 'PROBATION_OFFICER',
      name: `Ingrid Henvis ${suffix}`,
      email: `henviser-${suffix}@example.no`,
      organisation: 'Friomsorgen Trøndelag',
    });
    const volunteer = await createVolunteer(db, {
      firstName: 'Solveig',
      lastName: `Avslutt ${suffix}`,
      email: `solveig-${suffix}@example.no`,
      status: 'READY',
    });
    const participant = await createParticipant(db, {
      referrerId: officer.id,
      firstName: 'Viljar',
      lastName: `Sluttmann${suffix}`,
      status: 'MATCHED',
      expectedReleaseDate: addDays(today, -20),
    });
    const pair = await createPair(db, { participantId: participant.id, volunteerId: volunteer.id, startDate: addDays(today, -60) });
    const now = Date.now();
    await createMeeting(db, { pairId: pair.id, startsAt: new Date(now - 7 * 86_400_000), log: { outcome: 'HELD' } });
    await createMeeting(db, { pairId: pair.id, startsAt: new Date(now + 5 * 86_400_000), place: 'Café Løkka' });
    await createMeeting(db, { pairId: pair.id, startsAt: new Date(now + 12 * 86_400_000), place: 'Biblioteket' });
    return { pairId: pair.id, officer, volunteer, participant };
  } finally {
    await db.$disconnect();
  }
}

test('the coordinator ends a pair only after seeing and confirming what will happen; both sides are told', async ({ page }) => {
  const { pairId, officer, volunteer, participant } = await createActivePair();
  const today = todayInOslo();
  await loginAs(page, 'COORDINATOR');
  await page.goto(`/pairs/${pairId}`);
  await expect(page.getByRole('heading', { level: 1, name: /^Viljar og Solveig/ })).toBeVisible();
  await expectAccessible(page);

  // The form opens with nothing chosen; submitting it so saves nothing and says why, next to each field.
  await page.getByRole('link', { name: 'Avslutt paret' }).click();
  await expect(page.getByRole('heading', { name: 'Avslutt paret', level: 1 })).toBeVisible();
  await expect(page.getByRole('radio', { checked: true })).toHaveCount(0);
  await expect(page.getByLabel('Sluttdato')).toHaveValue('');
  await expectAccessible(page);
  await page.getByText('Mer (valgfritt)').click();
  await page.getByLabel('Notat').fill('Notat som skal bli stående');
  await page.getByRole('button', { name: 'Gå videre' }).click();
  await expect(page.getByRole('group', { name: 'Avslutningen var' })).toContainText('Velg om avslutningen var planlagt eller ikke.');
  await expect(page.getByRole('group', { name: 'Grunn' })).toContainText('Velg en grunn.');
  await expect(page.getByText('Skriv inn sluttdatoen.')).toBeVisible();
  await expect(page.getByRole('group', { name: 'Avslutningssamtalen' })).toContainText('Velg om avslutningssamtalen ble holdt.');
  await expect(page.getByLabel('Notat')).toHaveValue('Notat som skal bli stående');
  await expectAccessible(page);
  const closeUrl = page.url();

  // The pair is still active.
  await page.goto(`/pairs/${pairId}`);
  await expect(page.getByRole('link', { name: 'Avslutt paret' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Avslutning', exact: true })).toHaveCount(0);

  // Filled in, the first submit shows the confirmation: the new status, the meetings cancelled, who is told.
  await page.goto(closeUrl);
  await page.getByRole('radio', { name: 'Planlagt', exact: true }).check();
  await page.getByRole('radio', { name: 'Planen er fullført' }).check();
  await page.getByLabel('Sluttdato').fill(today);
  await page.getByRole('radio', { name: 'Ble holdt', exact: true }).check();
  await page.getByLabel('Dato for samtalen').fill(addDays(today, -1));
  await page.getByRole('button', { name: 'Gå videre' }).click();
  const confirmation = page.getByRole('region', { name: 'Bekreft avslutningen' });
  await expect(confirmation).toBeVisible();
  await expect(confirmation).toContainText('Viljar får status «Fullført».');
  await expect(confirmation).toContainText('2 planlagte møter blir avlyst.');
  await expect(confirmation.getByText(`${volunteer.firstName} ${volunteer.lastName}, frivillig`, { exact: true })).toBeVisible();
  await expect(
    confirmation.getByText(`${officer.name}, kriminalomsorgen (Friomsorgen Trøndelag), som henviste deltakeren`, { exact: true }),
  ).toBeVisible();
  await expectAccessible(page);

  // Back to edit keeps every value; continuing again returns to the confirmation.
  await page.getByRole('button', { name: 'Tilbake og endre' }).click();
  await expect(page.getByRole('radio', { name: 'Planlagt', exact: true })).toBeChecked();
  await expect(page.getByRole('radio', { name: 'Planen er fullført' })).toBeChecked();
  await expect(page.getByLabel('Sluttdato')).toHaveValue(today);
  await page.getByRole('button', { name: 'Gå videre' }).click();
  await expect(confirmation).toBeVisible();

  await confirmation.getByRole('button', { name: 'Bekreft og avslutt paret' }).click();
  await expect(page.getByRole('status')).toHaveText('Paret er avsluttet.');
  await expect(page).toHaveURL(new RegExp(`/pairs/${pairId}$`));
  const ending = page.getByRole('region', { name: 'Avslutning', exact: true });
  await expect(ending).toContainText('Planlagt');
  await expect(ending).toContainText('Planen er fullført');
  await expect(ending).not.toContainText('PLAN_COMPLETED');
  await expect(page.getByRole('link', { name: 'Avslutt paret' })).toHaveCount(0);
  await expectAccessible(page);

  // Both notices arrive; neither names the participant.
  const toVolunteer = await waitForEmail(
    (email) => email.to.includes(volunteer.email) && email.subject === 'Paret ditt i Brobygger er avsluttet',
  );
  const toOfficer = await waitForEmail((email) => email.to.includes(officer.email) && email.subject === 'Et par i Brobygger er avsluttet');
  expect(toVolunteer.text).toContain(`/pairs/${pairId}`);
  expect(toOfficer.text).toMatch(/\/referrals\/\w+/);
  for (const email of [toVolunteer, toOfficer]) {
    expect(email.text).not.toContain(participant.firstName);
    expect(email.text).not.toContain(participant.lastName);
  }

  // The ended pair's close page is the correction, apart from ending.
  await page.getByRole('link', { name: 'Rett avslutningsdetaljene' }).click();
  await expect(page.getByRole('heading', { name: 'Rett avslutningsdetaljene', level: 1 })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Bekreft og avslutt paret' })).toHaveCount(0);
  await page.getByRole('radio', { name: 'Annet' }).check();
  await page.getByRole('button', { name: 'Lagre rettelsen' }).click();
  await expect(page.getByRole('status')).toHaveText('Avslutningsdetaljene er rettet.');
  await expect(page.getByRole('region', { name: 'Avslutning', exact: true })).toContainText('Annet');
  await expectAccessible(page);
});
