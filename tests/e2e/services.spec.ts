import { currentTime } from '~/lib/clock';
import { formatDate, todayInOslo } from '~/lib/time';
import { expect, expectAccessible, loginAs, test } from './support';

/**
 * The services tracker before release (#21): the referring officer confirms an item they own
 * in their portal, and the coordinator sees who confirmed it; the demo data's overdue item is in
 * "needs action today". Ibrahim Yusuf (accepted, released in 30 days) is referred by the demo
 * officer, whose own items are NAV, housing and the probation appointment.
 */

test('the officer confirms a service they own, and the coordinator sees it and the overdue one', async ({ page }) => {
  await loginAs(page, 'PROBATION_OFFICER');
  await page.getByRole('link', { name: 'Ibrahim Yusuf' }).click();
  await expect(page.getByRole('heading', { name: 'Tjenester før løslatelsen', level: 2 })).toBeVisible();
  await expect(page.getByText(/ordnet, 1 over fristen/)).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('link', { name: 'Åpne tjenestelisten' }).click();
  await expect(page.getByRole('heading', { name: 'Tjenester før løslatelsen – Ibrahim', level: 1 })).toBeVisible();
  await expectAccessible(page);

  // The GP is the coordinator's: the officer reads it, with no form.
  const gp = page.getByRole('region', { name: 'Fastlege' });
  await expect(gp.getByText('Bare den ansvarlige kan endre dette punktet.')).toBeVisible();
  await expect(gp.getByRole('button')).toHaveCount(0);
  // The overdue housing is theirs, marked past its deadline.
  await expect(page.getByRole('region', { name: /Bolig/ }).getByText('Over fristen')).toBeVisible();

  // The probation appointment: ticked done.
  const appointment = page.getByRole('region', { name: 'Time hos friomsorgen' });
  await appointment.getByLabel('Status').selectOption({ label: 'Ordnet' });
  await appointment.getByLabel('Merknad').fill('Første time avtalt hos friomsorgen Trøndelag.');
  await appointment.getByRole('button', { name: 'Lagre Time hos friomsorgen' }).click();
  await expect(page.getByRole('status')).toHaveText('Tjenestelisten er lagret.');
  const today = formatDate(todayInOslo(currentTime()), 'nb');
  await expect(appointment.getByText(`Ola Nordmann, ${today}`)).toBeVisible();
  await expectAccessible(page);

  await page.getByRole('button', { name: 'Logg ut' }).click();
  await expect(page).toHaveURL(/\/login$/);

  // The coordinator: the overdue housing in "needs action today", and the officer's confirmation on the tracker.
  await loginAs(page, 'COORDINATOR');
  await page.goto('/dashboard');
  const overdue = page.getByRole('region', { name: /Tjenester over fristen/ });
  await expect(overdue.getByRole('link', { name: 'Ibrahim' })).toBeVisible();
  await expect(overdue.getByText(/Bolig – frist .*ansvarlig: Kriminalomsorgen \(henviser\)/)).toBeVisible();
  await expectAccessible(page);
  await overdue.getByRole('link', { name: 'Ibrahim' }).click();
  await expect(page.getByRole('heading', { name: 'Tjenester før løslatelsen – Ibrahim', level: 1 })).toBeVisible();
  const seen = page.getByRole('region', { name: 'Time hos friomsorgen' });
  await expect(seen.getByText(`Ola Nordmann, ${today}`)).toBeVisible();
  await expect(seen.getByText('Første time avtalt hos friomsorgen Trøndelag.').first()).toBeVisible();
  // The coordinator may change any item, also who answers for it.
  await expect(page.getByRole('region', { name: 'Fastlege' }).getByLabel('Ansvarlig')).toBeVisible();
  await expectAccessible(page);
});
