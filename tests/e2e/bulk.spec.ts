import { expect, expectAccessible, loginAs, test } from './support';

test('the coordinator enrols two volunteers in a course at once, after a confirmation that counts and names them', async ({ page }) => {
  test.setTimeout(120_000);
  await loginAs(page, 'COORDINATOR');
  await page.goto('/volunteers');
  await page.getByRole('link', { name: 'Handling for flere frivillige' }).click();
  await expect(page.getByRole('heading', { name: 'Handling for flere frivillige', level: 1 })).toBeVisible();
  await page.getByLabel('Status').selectOption({ label: 'Søkt' });
  await page.getByRole('button', { name: 'Vis' }).click();
  const selection = page.getByRole('group', { name: /^Velg frivillige/ });
  const boxes = selection.getByRole('checkbox');
  // Nothing is chosen beforehand.
  await expect(selection.getByRole('checkbox', { checked: true })).toHaveCount(0);
  await expectAccessible(page);
  const names = [];
  for (const index of [0, 1]) {
    await boxes.nth(index).check();
    names.push(((await selection.locator('label').nth(index).innerText()).split(' · ')[0] ?? '').trim());
  }
  await page.getByLabel('Handling').selectOption({ label: 'Meld på et kurs' });
  const course = page.getByLabel('Kurs', { exact: true });
  const courseTitle = (await course.locator('option').nth(1).innerText()).trim();
  await course.selectOption({ index: 1 });
  await page.getByRole('button', { name: 'Se over' }).click();

  const confirmation = page.getByRole('region', { name: `Meld 2 frivillige på «${courseTitle}»?` });
  await expect(confirmation).toBeVisible();
  for (const name of names) await expect(confirmation.getByRole('listitem').filter({ hasText: name })).toBeVisible();
  await expectAccessible(page);
  await confirmation.getByRole('button', { name: 'Meld på 2' }).click();
  await expect(page.getByRole('status')).toHaveText('2 frivillige er meldt på kurset.');
  await expectAccessible(page);
});
