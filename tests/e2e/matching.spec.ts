import { expect, expectAccessible, loginAs, test } from './support';

test('the coordinator proposes a volunteer from explained suggestions, sees it wait for an answer, and withdraws it', async ({ page }) => {
  await loginAs(page, 'COORDINATOR');
  await page.getByRole('link', { name: 'Matching' }).click();
  await expect(page.getByRole('heading', { name: 'Matching', level: 1 })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Beste fordeling for hele ventelisten' })).toBeVisible();
  await expectAccessible(page);

  await page.getByRole('link', { name: 'Se forslag for Ibrahim Yusuf' }).click();
  await expect(page.getByRole('heading', { name: 'Forslag til frivillig for Ibrahim Yusuf' })).toBeVisible();
  const marte = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: /Marte Frivoll/ }) });
  // The score is explained part by part.
  await expect(marte.getByRole('rowheader', { name: 'Felles interesser' })).toBeVisible();
  await expect(marte.getByRole('row', { name: /Felles interesser/ })).toContainText('fotball');
  await expect(marte.getByRole('row', { name: /Kommune/ })).toContainText('20 / 20');
  await expectAccessible(page);

  await marte.getByRole('button', { name: 'Foreslå Marte Frivoll som frivillig' }).click();
  await expect(page.getByRole('status')).toContainText('Den frivillige får beskjed om å svare');
  await expect(page.getByRole('heading', { name: 'Foreslåtte par' })).toBeVisible();
  await expect(page.getByText('Venter på svar fra den frivillige.')).toBeVisible();
  // Nobody else can be proposed while the proposal is open: the page says why.
  await expect(page.getByRole('button', { name: /^Foreslå .* som frivillig$/ })).toHaveCount(0);
  await expect(page.getByText('Kan ikke foreslås nå: et forslag venter på svar.').first()).toBeVisible();
  await expectAccessible(page);

  await page.getByRole('link', { name: 'Tilbake til ventelisten' }).click();
  await expect(page.getByRole('row', { name: /Ibrahim Yusuf/ })).toContainText('Foreslått, venter på svar');

  await page.getByRole('link', { name: 'Se forslag for Ibrahim Yusuf' }).click();
  await page.getByText('Trekk forslaget', { exact: true }).click();
  await page.getByRole('button', { name: 'Trekk forslaget til Marte Frivoll' }).click();
  await expect(page.getByRole('status')).toHaveText('Forslaget er trukket.');
  await expect(page.getByRole('button', { name: 'Foreslå Marte Frivoll som frivillig' })).toBeVisible();
  await expect(page.getByRole('listitem').filter({ hasText: 'Forslaget til Marte Frivoll ble trukket' })).toBeVisible();
  await expectAccessible(page);
});

test('the waiting list filters by language and sorts by waiting time, keeps the view and clears it', async ({ page }) => {
  await loginAs(page, 'COORDINATOR');
  await page.goto('/matching');
  await page.getByLabel('Språk').selectOption({ label: 'somali' });
  await page.getByLabel('Sorter etter').selectOption({ label: 'Lengst ventetid' });
  await page.getByRole('button', { name: 'Vis' }).click();
  await expect(page).toHaveURL(/language=somali/);
  await expect(page.getByRole('link', { name: 'Se forslag for Ibrahim Yusuf' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Fjern filteret Språk: somali' })).toBeVisible();
  await expectAccessible(page);

  await page.goto('/dashboard');
  await page.goto('/matching');
  await expect(page).toHaveURL(/language=somali/);
  await expect(page.getByLabel('Språk')).toHaveValue('somali');
  await page.getByRole('link', { name: 'Fjern filteret Språk: somali' }).click();
  await expect(page).not.toHaveURL(/language=/);
  await expect(page.getByLabel('Sorter etter')).toHaveValue('waiting');
  await page.getByRole('link', { name: 'Nullstill filtre' }).click();
  await expect(page).toHaveURL(/\/matching$/);
});
