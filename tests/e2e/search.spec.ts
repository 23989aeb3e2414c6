import crypto from 'node:crypto';
import { addDays, addMonths, osloInstant, todayInOslo } from '~/lib/time';
import { createPair, createParticipant, createUser, createVolunteer } from '../../prisma/fixtures/factories';
import { e2eDatabaseClient } from './database';
import { expect, expectAccessible, loginAs, test } from './support';

/**
 * The one search and the filtered pair list (#22). The spec makes its own participant (a
 * name no demo record has) and its own ended pair, so the order of the specs does not matter.
 */
async function createRecords() {
  const db = e2eDatabaseClient();
  try {
    const suffix = crypto.randomBytes(3).toString('hex');
    const today = todayInOslo();
    const officer = await createUser(db, {
      role: 'PROBATION_OFFICER',
      email: `sok-${suffix}@example.no`,
      organisation: 'Friomsorgen Trøndelag',
    });
    const participant = await createParticipant(db, {
      referrerId: officer.id,
      firstName: 'Hallgeir',
      lastName: `Søkløkken${suffix}`,
      prison: 'Bjørgvin fengsel',
      releaseMunicipality: 'Stjørdal',
    });
    const ended = await createParticipant(db, { referrerId: officer.id, firstName: `Avsluttet${suffix}`, status: 'COMPLETED' });
    const volunteer = await createVolunteer(db, { firstName: 'Randi', lastName: `Historikk${suffix}`, status: 'READY' });
    const start = addMonths(today, -9);
    const pair = await createPair(db, { participantId: ended.id, volunteerId: volunteer.id, startDate: start, status: 'ENDED' });
    const endDate = addDays(today, -2);
    await db.pair.update({
      where: { id: pair.id },
      data: {
        endDate,
        endedAt: osloInstant(endDate, '12:00'),
        endType: 'PLANNED',
        endReason: 'PLAN_COMPLETED',
        surveyScore: 4,
        closureTalkDate: endDate,
      },
    });
    return { participant, endedName: ended.firstName, suffix };
  } finally {
    await db.$disconnect();
  }
}

test('the header search finds a participant by part of the name, in Norwegian and in English', async ({ page }) => {
  const { participant } = await createRecords();
  await loginAs(page, 'COORDINATOR');
  const search = page.getByRole('combobox', { name: 'Søk i hele programmet' });

  // Part of the last name, in capitals and without the ø: the suggestions list the participant.
  await search.fill('SOKLOKK');
  await expect(page.getByRole('option')).toHaveCount(0);
  await search.fill('SØKLØKK');
  const option = page.getByRole('option', { name: new RegExp(`Deltaker Hallgeir ${participant.lastName}`) });
  await expect(option).toBeVisible();
  await expect(search).toHaveAttribute('aria-expanded', 'true');
  await expectAccessible(page);
  // The keyboard picks it: down to the first suggestion, Enter opens it.
  await search.press('ArrowDown');
  await expect(option).toHaveAttribute('aria-selected', 'true');
  await expect(search).toHaveAttribute('aria-activedescendant', (await option.getAttribute('id'))!);
  await search.press('Enter');
  await expect(page).toHaveURL(`/participants/${participant.id}`);
  await expect(page.getByRole('heading', { level: 1, name: new RegExp(participant.lastName) })).toBeVisible();

  // Enter without a chosen suggestion opens the result page, which also works without JavaScript.
  await search.fill('hallgeir søkløk');
  await search.press('Enter');
  await expect(page).toHaveURL(/\/search\?q=hallgeir/);
  await expect(page.getByRole('heading', { level: 1, name: 'Søk' })).toBeVisible();
  await expect(
    page.getByRole('region', { name: 'Deltakere' }).getByRole('link', { name: `Hallgeir ${participant.lastName}` }),
  ).toBeVisible();
  await expect(page.getByRole('region', { name: 'Henvisninger' })).toContainText('Bjørgvin fengsel');
  await expectAccessible(page);

  // In English.
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Search' })).toBeVisible();
  const english = page.getByRole('combobox', { name: 'Search the whole programme' });
  await english.fill('hallg');
  const englishOption = page.getByRole('option', { name: new RegExp(`Participant Hallgeir ${participant.lastName}`) });
  await expect(englishOption).toBeVisible();
  await expect(page.getByRole('option', { name: /Show all results for/ })).toBeVisible();
  await expectAccessible(page);
  await english.press('Escape');
  await expect(english).toHaveAttribute('aria-expanded', 'false');
  await english.press('ArrowDown');
  await english.press('Enter');
  await expect(page).toHaveURL(`/participants/${participant.id}`);
  // The language follows the account: back to Norwegian for the next test.
  await page.getByRole('button', { name: 'Norsk' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'nb');
});

test('/pairs filtered to ended pairs shows their outcome, and the list keeps the view', async ({ page }) => {
  const { endedName, suffix } = await createRecords();
  await loginAs(page, 'COORDINATOR');
  await page.getByRole('navigation', { name: 'Hovedmeny' }).getByRole('link', { name: 'Par' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Par' })).toBeVisible();
  await expectAccessible(page);

  await page.getByLabel('Par', { exact: true }).selectOption({ label: 'Avsluttede par' });
  await page.getByLabel('Frivillig (navn)').fill(`historikk${suffix}`);
  await page.getByRole('button', { name: 'Vis' }).click();
  await expect(page).toHaveURL(/status=ENDED/);
  const row = page.getByRole('row', { name: new RegExp(endedName) });
  await expect(row).toContainText(`Randi Historikk${suffix}`);
  await expect(row).toContainText('Planlagt: Planen er fullført');
  await expect(row).toContainText('8 mnd.');
  await expect(row).toContainText('4 av 5');
  await expect(row).toContainText('Avslutningssamtale holdt');
  await expect(page.getByText('Antall: 1')).toBeVisible();
  await expectAccessible(page);

  // Back to /pairs from the menu: the same view.
  await page.getByRole('link', { name: 'Oversikt' }).click();
  await page.getByRole('navigation', { name: 'Hovedmeny' }).getByRole('link', { name: 'Par' }).click();
  await expect(page.getByRole('row', { name: new RegExp(endedName) })).toBeVisible();
  await page.getByRole('link', { name: 'Nullstill filtre' }).click();
  await expect(page).toHaveURL(/\/pairs$/);
  await expect(page.getByLabel('Par', { exact: true })).toHaveValue('ACTIVE');

  // At 360 px the menu and the search still fit; the rest of the menu is under "Mer".
  await page.setViewportSize({ width: 360, height: 740 });
  await page.getByRole('navigation', { name: 'Hovedmeny' }).getByText('Mer', { exact: true }).click();
  await page.getByRole('link', { name: 'Opplæring' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Opplæring' })).toBeVisible();
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(360);
  await expectAccessible(page);
});

test('/referrals filters by prison and name, shows the filters in force, keeps the view across navigation and clears one filter', async ({
  page,
}) => {
  const { participant, suffix } = await createRecords();
  const name = `Hallgeir ${participant.lastName}`;
  await loginAs(page, 'COORDINATOR');
  await page.getByRole('navigation', { name: 'Hovedmeny' }).getByRole('link', { name: 'Henvisninger' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Henvisninger' })).toBeVisible();

  await page.getByLabel('Fengsel', { exact: true }).selectOption({ label: 'Bjørgvin fengsel' });
  await page.getByLabel('Kommune etter løslatelse').selectOption({ label: 'Stjørdal' });
  await page.getByLabel('Søk etter navn').fill(`søkløkken${suffix}`);
  await page.getByLabel('Sorter etter').selectOption({ label: 'Lengst ventetid på avgjørelse' });
  await page.getByRole('button', { name: 'Vis' }).click();
  await expect(page).toHaveURL(/prison=/);
  await expect(page.getByRole('link', { name, exact: true })).toBeVisible();
  await expect(page.getByText('Henvisninger som passer: 1')).toBeVisible();
  await expect(page.getByRole('link', { name: 'Fjern filteret Fengsel: Bjørgvin fengsel' })).toBeVisible();
  await expectAccessible(page);

  // Away and back from the menu: the same view, its fields as chosen.
  await page.getByRole('link', { name: 'Oversikt' }).click();
  await page.getByRole('navigation', { name: 'Hovedmeny' }).getByRole('link', { name: 'Henvisninger' }).click();
  await expect(page.getByRole('link', { name, exact: true })).toBeVisible();
  await expect(page.getByLabel('Fengsel', { exact: true })).toHaveValue('Bjørgvin fengsel');
  await expect(page.getByLabel('Sorter etter')).toHaveValue('waiting');

  // One filter cleared by its link, the others stay; then all of them.
  await page.getByRole('link', { name: `Fjern filteret Søk etter navn: søkløkken${suffix}` }).click();
  await expect(page).not.toHaveURL(/[?&]q=/);
  await expect(page.getByLabel('Søk etter navn')).toHaveValue('');
  await expect(page.getByLabel('Kommune etter løslatelse')).toHaveValue('Stjørdal');
  await expect(page.getByRole('link', { name, exact: true })).toBeVisible();
  await page.getByRole('link', { name: 'Nullstill filtre' }).click();
  await expect(page).toHaveURL(/\/referrals$/);
  await expect(page.getByLabel('Fengsel', { exact: true })).toHaveValue('');
  await expectAccessible(page);
});
