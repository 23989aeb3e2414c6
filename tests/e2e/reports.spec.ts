import fs from 'node:fs';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { expect, expectAccessible, loginAs, test } from './support';

test('the coordinator sees the half-year against the target, opens the report and downloads the CSV', async ({ page }) => {
  await loginAs(page, 'COORDINATOR');
  const progress = page.getByRole('region', { name: /Rekruttering/ });
  await expect(progress.getByText(/^\d+ av 10$/)).toBeVisible();
  await expect(progress.getByLabel('Nye aktive par dette halvåret')).toBeVisible();
  await expect(progress.getByRole('img', { name: 'Nye par per halvår' })).toBeVisible();
  await expectAccessible(page);

  await page.getByRole('link', { name: 'Rapporter' }).click();
  await expect(page.getByRole('heading', { name: 'Rapport til finansiører', level: 1 })).toBeVisible();
  await expectAccessible(page);
  const pageValues = new Map<string, string>();
  for (const row of await page.locator('tr[data-metric]').all()) {
    pageValues.set((await row.getAttribute('data-metric'))!, (await row.locator('td').innerText()).replace(/\s/g, '').replace(',', '.'));
  }
  expect(Number(pageValues.get('meetingsHeld'))).toBeGreaterThan(0);

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Last ned CSV' }).click()]);
  const bytes = fs.readFileSync(await download.path());
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const rows = parse<{ key: string; value: string; label: string }>(bytes, { bom: true, columns: true });
  expect(rows.length).toBe(pageValues.size);
  for (const row of rows) expect(row.value, row.key).toBe(pageValues.get(row.key));
  expect(rows.find((row) => row.key === 'hours')?.label).toBe('Timer sammen');

  // The workbook for people: same figures, numbers as numbers, Norwegian headers.
  await expect(page.getByText(/CSV-filen er for maskiner/)).toBeVisible();
  const [xlsx] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Last ned Excel (.xlsx)' }).click()]);
  expect(xlsx.suggestedFilename()).toMatch(/^brobygger-\d{4}(-H[12])?\.xlsx$/);
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(fs.readFileSync(await xlsx.path()) as unknown as ArrayBuffer);
  expect(book.worksheets.map((sheet) => sheet.name)).toEqual(['Deltakere', 'Frivillige', 'Par', 'Møter', 'Kvalitet', 'Resultatmål']);
  const meetings = book.getWorksheet('Møter')!;
  expect(meetings.getRow(1).values).toEqual([undefined, 'Periode', 'Tall', 'Verdi', 'Merknad', 'Nøkkel']);
  const held = meetings.getRows(2, meetings.rowCount - 1)!.find((row) => row.getCell(5).value === 'meetingsHeld')!;
  expect(typeof held.getCell(3).value).toBe('number');
  expect(held.getCell(3).text).toBe(pageValues.get('meetingsHeld'));
  await expectAccessible(page);
});

test('the coordinator changes the half-year target in the settings', async ({ page }) => {
  await loginAs(page, 'COORDINATOR');
  await page.getByRole('navigation', { name: 'Hovedmeny' }).getByText('Mer', { exact: true }).click();
  await page.getByRole('link', { name: 'Innstillinger' }).click();
  await expect(page.getByRole('heading', { name: 'Innstillinger', level: 1 })).toBeVisible();
  await page.getByLabel('Nye aktive par').fill('-5');
  await page.getByRole('button', { name: 'Lagre mål' }).click();
  await expect(page.getByText('Skriv et helt tall mellom 0 og 1000.')).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel('Nye aktive par').fill('12');
  await page.getByRole('button', { name: 'Lagre mål' }).click();
  await expect(page.getByRole('status')).toContainText('er lagret');
  await page.getByRole('link', { name: 'Oversikt' }).click();
  await expect(page.getByRole('region', { name: /Rekruttering/ }).getByText(/^\d+ av 12$/)).toBeVisible();
  // Put the demo target back for other tests.
  await page.goto('/settings');
  await page.getByLabel('Nye aktive par').fill('10');
  await page.getByRole('button', { name: 'Lagre mål' }).click();
  await expect(page.getByRole('status')).toContainText('er lagret');
});

test('the coordinator records a half-year cost and reads the cost per pair in the report', async ({ page }) => {
  await loginAs(page, 'COORDINATOR');
  await page.goto('/settings');
  await page.getByRole('link', { name: 'Kostnader per halvår' }).click();
  await expect(page.getByRole('heading', { name: 'Kostnader', level: 1 })).toBeVisible();
  await page.getByLabel('Beløp i kroner').fill('mye');
  await page.getByRole('button', { name: 'Registrer kostnaden' }).click();
  await expect(page.getByText('Skriv et beløp i kroner over 0, med høyst to desimaler.')).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel('Beløp i kroner').fill('150 000,50');
  await page.getByLabel('Kategori').selectOption({ label: 'Aktiviteter' });
  await page.getByRole('button', { name: 'Registrer kostnaden' }).click();
  await expect(page.getByRole('status')).toContainText('Kostnaden er registrert.');
  const row = page.locator('tr[data-cost]').filter({ hasText: 'Aktiviteter' });
  await expect(row).toContainText(/150\s000,50\skr/);
  await expect(row).toContainText(/\d\. halvår \d{4}/);
  await expect(row).not.toContainText(/\d{4}-H[12]/);
  await expectAccessible(page);

  await page.goto('/reports');
  const perPair = page.locator('#outcomes-period-title').locator('..').locator('tr[data-outcome="costPerActivePair"] td');
  await expect(perPair).toHaveText(/^(\d{1,3}(\s\d{3})*\skr|–)$/);
  await expect(page.locator('tr[data-outcome="costTotal"] td').first()).toHaveText(/^\d{1,3}(\s\d{3})*(,\d{2})?\skr$/);
  await expectAccessible(page);

  // Take the cost away again for other tests.
  await page.goto('/settings/costs');
  await row.getByRole('button', { name: /Slett kostnaden/ }).click();
  await expect(page.getByRole('status')).toContainText('Kostnaden er slettet.');
});
