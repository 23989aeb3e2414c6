import { expect, expectAccessible, loginAs, test } from './support';

test('the coordinator makes a pair from explained suggestions; the volunteer sees it on /me', async ({ page }) => {
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
  await expect(page.getByRole('status')).toHaveText('Paret er foreslått, og begge er introdusert på e-post.');
  await expect(page.getByRole('heading', { name: 'Foreslåtte par' })).toBeVisible();
  await page.getByRole('button', { name: 'Start paret' }).click();
  await expect(page).toHaveURL(/\/matching$/);
  await expect(page.getByRole('status')).toContainText('Paret er aktivt fra');
  await expect(page.getByRole('link', { name: 'Se forslag for Ibrahim Yusuf' })).toHaveCount(0);

  await page.getByRole('button', { name: 'Logg ut' }).click();
  await loginAs(page, 'VOLUNTEER');
  await expect(page.getByRole('heading', { name: /Ibrahim/ })).toBeVisible();
  await expectAccessible(page);
});
