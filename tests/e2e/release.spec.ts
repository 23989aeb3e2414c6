import crypto from 'node:crypto';
import type { Page } from '@playwright/test';
import { addDays, formatDate, osloInstant, todayInOslo } from '~/lib/time';
import { createMeeting, createPair, createParticipant } from '../../prisma/fixtures/factories';
import { withE2eDatabase } from './database';
import { demoEmail, expect, expectAccessible, loginAs, test } from './support';

/**
 * Release and holds (#21): the referring officer moves a release date earlier, the volunteer
 * re-plans the prison visit that now falls after it on a phone, and the coordinator puts the pair
 * on hold and resumes it. The spec makes its own participant (referred by the demo officer) and
 * pair (with the demo volunteer), so no other spec's demo pair is touched.
 */
test.describe.configure({ mode: 'serial' });

interface World {
  referralId: string;
  participantId: string;
  pairId: string;
  visitId: string;
  firstName: string;
}

let world: World | null = null;
const today = todayInOslo();
const NEW_RELEASE = addDays(today, 20);

/** Made once, inside the first test (after the spec's fresh demo data). */
async function theWorld(): Promise<World> {
  if (world) return world;
  world = await withE2eDatabase(async (db) => {
    const suffix = crypto.randomBytes(3).toString('hex');
    const officer = await db.user.findUniqueOrThrow({ where: { email: demoEmail('PROBATION_OFFICER') } });
    const volunteer = await db.volunteerProfile.findFirstOrThrow({ where: { user: { email: demoEmail('VOLUNTEER') } } });
    const firstName = 'Tobias';
    const participant = await createParticipant(db, {
      referrerId: officer.id,
      firstName,
      lastName: `Løslatt${suffix}`,
      status: 'MATCHED',
      expectedReleaseDate: addDays(today, 40),
    });
    const pair = await createPair(db, { participantId: participant.id, volunteerId: volunteer.id, startDate: addDays(today, -60) });
    // A prison visit in 30 days (before the release now, after it once the date moves to 20 days)
    // and a community meeting in 50 days (after the release either way).
    const visit = await createMeeting(db, {
      pairId: pair.id,
      startsAt: osloInstant(addDays(today, 30), '14:00'),
      placeType: 'PRISON_VISIT',
      place: 'Besøksrommet',
    });
    await createMeeting(db, {
      pairId: pair.id,
      startsAt: osloInstant(addDays(today, 50), '17:30'),
      placeType: 'CAFE',
      place: 'Café Ni Muser',
    });
    const referral = await db.referral.findFirstOrThrow({ where: { participantId: participant.id } });
    return { referralId: referral.id, participantId: participant.id, pairId: pair.id, visitId: visit.id, firstName };
  });
  return world;
}

async function logout(page: Page) {
  await page.getByRole('button', { name: 'Logg ut' }).click();
  await expect(page).toHaveURL(/\/login$/);
}

test('the probation officer moves the release date earlier; the meeting that no longer fits is flagged', async ({ page }) => {
  const { referralId, participantId, firstName, visitId } = await theWorld();
  await loginAs(page, 'PROBATION_OFFICER');
  await page.goto(`/referrals/${referralId}`);
  await expectAccessible(page);
  await page.getByRole('link', { name: 'Endre løslatelsesdato og se historikken' }).click();
  await expect(page).toHaveURL(new RegExp(`/participants/${participantId}/release$`));
  await expect(page.getByRole('heading', { name: `Løslatelsesdato for ${firstName}`, level: 1 })).toBeVisible();
  await expect(page.getByText(`Gjeldende løslatelsesdato: ${formatDate(addDays(today, 40), 'nb')}`)).toBeVisible();
  await expectAccessible(page);

  // A reason is required: nothing is saved without it, and the message sits next to the field.
  await page.getByLabel('Forventet løslatelse').fill(NEW_RELEASE);
  await page.getByRole('button', { name: 'Lagre endringen' }).click();
  await expect(page.getByLabel('Hvorfor endres datoen?')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByLabel('Forventet løslatelse')).toHaveValue(NEW_RELEASE);
  await expectAccessible(page);

  await page.getByLabel('Hvorfor endres datoen?').fill('Prøveløslatelse innvilget');
  await page.getByRole('button', { name: 'Lagre endringen' }).click();
  await expect(page.getByRole('status')).toHaveText(
    'Løslatelsesdatoen er endret. 1 planlagte møter passer ikke lenger og er merket for ny planlegging.',
  );
  await expect(page.getByText(`Gjeldende løslatelsesdato: ${formatDate(NEW_RELEASE, 'nb')}`)).toBeVisible();
  await expect(page.getByRole('listitem').filter({ hasText: 'Prøveløslatelse innvilget' })).toContainText(
    `${formatDate(addDays(today, 40), 'nb')} → ${formatDate(NEW_RELEASE, 'nb')}`,
  );
  await expectAccessible(page);

  const flagged = await withE2eDatabase((db) =>
    db.meeting.findMany({ where: { pair: { participantId }, replanReason: { not: null } }, select: { id: true, replanReason: true } }),
  );
  expect(flagged).toEqual([{ id: visitId, replanReason: 'PRISON_AFTER_RELEASE' }]);
  await logout(page);
});

test.describe('on a phone', () => {
  test.use({ viewport: { width: 360, height: 740 } });

  test('the volunteer sees the flagged prison visit and re-plans it as a community meeting in one step', async ({ page }) => {
    const { pairId, visitId } = await theWorld();
    await loginAs(page, 'VOLUNTEER');
    await page.goto(`/pairs/${pairId}`);
    const notice = page.getByText('Løslatelsesdatoen er flyttet: dette fengselsbesøket er etter løslatelsen.');
    await expect(notice).toBeVisible();
    await expectAccessible(page);
    await page.getByRole('link', { name: 'Planlegg møtet på nytt' }).click();
    await expect(page).toHaveURL(new RegExp(`/meetings/${visitId}$`));
    await expect(page.getByText(`Løslatelsen er nå ${formatDate(NEW_RELEASE, 'nb')}`)).toBeVisible();
    // The move form is open, its date kept and a community place type chosen that fits it.
    await expect(page.getByLabel('Type sted')).toHaveValue('CAFE');
    await expect(page.getByLabel('Dato')).toHaveValue(addDays(today, 30));
    await expectAccessible(page);
    await page.getByLabel('Sted', { exact: true }).fill('Dromedar Kaffebar, Bakklandet');
    await page.getByRole('button', { name: 'Flytt' }).click();
    await expect(page.getByRole('status')).toHaveText('Møtet er flyttet.');
    await expect(page.getByText('Løslatelsesdatoen er flyttet')).toHaveCount(0);
    await expectAccessible(page);

    const meeting = await withE2eDatabase((db) =>
      db.meeting.findUniqueOrThrow({ where: { id: visitId }, select: { placeType: true, place: true, replanReason: true, status: true } }),
    );
    expect(meeting).toEqual({ placeType: 'CAFE', place: 'Dromedar Kaffebar, Bakklandet', replanReason: null, status: 'PLANNED' });
    await page.goto(`/pairs/${pairId}`);
    await expect(page.getByText('Løslatelsesdatoen er flyttet')).toHaveCount(0);
    await logout(page);
  });
});

test('the coordinator puts the pair on hold after a confirmation, and resumes it', async ({ page }) => {
  const { pairId, firstName } = await theWorld();
  await loginAs(page, 'COORDINATOR');
  await page.goto(`/pairs/${pairId}`);
  await page.getByRole('link', { name: 'Sett på pause' }).click();
  await expect(page.getByRole('heading', { name: `Pause for ${firstName}`, level: 1 })).toBeVisible();
  await expectAccessible(page);

  // Nothing is pre-chosen: without a reason the form answers next to the field.
  await page.getByRole('button', { name: 'Sett på pause' }).click();
  await expect(page.getByText('Velg en årsak.')).toBeVisible();
  await expectAccessible(page);

  const from = addDays(today, -7);
  await page.getByLabel('I behandling').check();
  await page.getByLabel('På pause fra').fill(from);
  await page.getByRole('button', { name: 'Sett på pause' }).click();
  const confirm = page.getByRole('alert').filter({ has: page.getByRole('heading', { name: 'Sette paret på pause?' }) });
  await expect(confirm).toContainText(`fra ${formatDate(from, 'nb')} (I behandling)`);
  await expectAccessible(page);
  expect(await withE2eDatabase((db) => db.pair.findUniqueOrThrow({ where: { id: pairId } }))).toMatchObject({ status: 'ACTIVE' });

  await confirm.getByRole('button', { name: 'Ja, sett paret på pause' }).click();
  await expect(page).toHaveURL(new RegExp(`/pairs/${pairId}$`));
  await expect(page.getByRole('status')).toHaveText('Paret er satt på pause.');
  await expect(page.getByText('På pause', { exact: true })).toBeVisible();
  await expectAccessible(page);
  expect(await withE2eDatabase((db) => db.pair.findUniqueOrThrow({ where: { id: pairId } }))).toMatchObject({ status: 'ON_HOLD' });

  await page.getByRole('link', { name: 'Gjenoppta paret' }).click();
  await expect(page.getByText(`Fra ${formatDate(from, 'nb')}: I behandling`)).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel('Aktiv igjen fra').fill(today);
  await page.getByRole('button', { name: 'Gjenoppta' }).click();
  await expect(page.getByRole('status')).toHaveText('Paret er aktivt igjen.');
  await expectAccessible(page);
  const hold = await withE2eDatabase((db) =>
    db.pairHold.findFirstOrThrow({ where: { pairId }, include: { pair: { select: { status: true } } } }),
  );
  expect(hold).toMatchObject({ reason: 'TREATMENT', fromDate: from, untilDate: today, pair: { status: 'ACTIVE' } });
});
