import type { Page } from '@playwright/test';
import { demoEmail, expect, expectAccessible, loginAs, test, waitForEmail } from './support';
import { withE2eDatabase } from './database';
import { present } from '../support/present';

test.use({ viewport: { width: 360, height: 740 } });

/**
 * The demo volunteer's planned meetings with Jonas, picked by when they are: `future` starts
 * more than an hour from now, `past` has started and waits for its log.
 */
async function jonasMeetings(): Promise<{ pairId: string; future: { id: string }[]; past: { id: string }[] }> {
  const pair = await withE2eDatabase((db) =>
    db.pair.findFirstOrThrow({
      where: { status: 'ACTIVE', volunteer: { user: { email: demoEmail('VOLUNTEER') } }, participant: { firstName: 'Jonas' } },
      select: { id: true, meetings: { where: { status: 'PLANNED', log: null }, select: { id: true, startsAt: true } } },
    }),
  );
  const now = Date.now();
  return {
    pairId: pair.id,
    future: pair.meetings.filter((m) => m.startsAt.getTime() > now + 3600_000).sort((a, b) => b.startsAt.getTime() - a.startsAt.getTime()),
    past: pair.meetings.filter((m) => m.startsAt.getTime() <= now),
  };
}

async function expectNoHorizontalScroll(page: Page) {
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width, 'the page fits 360 px without scrolling sideways').toBeLessThanOrEqual(360);
}

test('the volunteer raises an urgent concern from /me without a meeting; the coordinator is mailed at once', async ({ page }) => {
  const { pairId } = await jonasMeetings();
  await loginAs(page, 'VOLUNTEER');
  await expect(page.getByRole('heading', { name: 'Mine møter', level: 1 })).toBeVisible();
  await expectAccessible(page);
  const jonasCard = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: 'Du og Jonas' }) });
  await jonasCard.getByRole('link', { name: 'Meld bekymring' }).click();
  await expect(page.getByRole('heading', { name: 'Meld en bekymring om Jonas', level: 1 })).toBeVisible();
  await expectNoHorizontalScroll(page);
  await expectAccessible(page);

  const text = 'Jonas ringte og sa at noen truer ham – han tør ikke gå hjem i kveld.';
  await page.getByLabel('Hva er du bekymret for?').fill(text);
  await page.getByLabel('Det haster – noen kan være i fare nå').check();
  await page.getByRole('button', { name: 'Send bekymringen' }).click();

  // Before anything is sent: the emergency numbers, as phone links.
  const confirm = page.getByRole('alert').filter({ has: page.getByRole('heading', { name: /Ring nødnummer først/ }) });
  await expect(confirm).toBeVisible();
  await expect(confirm.getByRole('link', { name: 'Ring 112 – politi' })).toHaveAttribute('href', 'tel:112');
  await expect(confirm.getByRole('link', { name: 'Ring 113 – ambulanse og akutt medisinsk hjelp' })).toHaveAttribute('href', 'tel:113');
  await expect(confirm.getByRole('link', { name: 'Ring 110 – brann' })).toHaveAttribute('href', 'tel:110');
  await expect(page.getByLabel('Hva er du bekymret for?')).toHaveValue(text);
  await expectNoHorizontalScroll(page);
  await expectAccessible(page);

  await confirm.getByRole('button', { name: 'Send som akutt bekymring' }).click();
  await expect(page).toHaveURL(new RegExp(`/pairs/${pairId}$`));
  await expect(page.getByRole('status')).toHaveText('Den akutte bekymringen er sendt. Koordinatoren har fått beskjed med en gang.');
  // The pair page says how to reach Jonas: his own details under consent, or the coordinator.
  await expect(page.getByRole('heading', { name: 'Kontakt med Jonas', level: 2 })).toBeVisible();
  await expectNoHorizontalScroll(page);
  await expectAccessible(page);

  const email = await waitForEmail(
    (e) =>
      e.to.includes(demoEmail('COORDINATOR')) &&
      e.subject === 'HASTER: En frivillig har meldt en bekymring' &&
      e.text.includes(`/pairs/${pairId}`),
  );
  expect(email.text).not.toContain('Jonas');
  expect(email.text).not.toContain('truer');
});

test('a future meeting offers no log form, and cancelling it asks who and confirms', async ({ page }) => {
  const { pairId, future } = await jonasMeetings();
  expect(future.length, 'the demo volunteer has a meeting ahead').toBeGreaterThan(0);
  const meeting = present(future[0], 'a meeting ahead');
  await loginAs(page, 'VOLUNTEER');
  await page.goto(`/meetings/${meeting.id}`);
  await expect(page.getByRole('heading', { name: /^Møte /, level: 1 })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Logg møtet' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Lagre loggen' })).toHaveCount(0);
  await expect(page.getByText(/^Du kan logge møtet fra /)).toBeVisible();
  await expectNoHorizontalScroll(page);
  await expectAccessible(page);

  await page.getByText('Avlys møtet', { exact: true }).click();
  const who = page.getByRole('group', { name: 'Hvem avlyste?' });
  await expect(who).toBeVisible();
  // Nothing is pre-chosen, and going on without saying who is refused next to the field.
  for (const radio of await who.getByRole('radio').all()) await expect(radio).not.toBeChecked();
  await page.getByRole('button', { name: 'Gå videre' }).click();
  await expect(page.getByText('Velg hvem som avlyste.')).toBeVisible();
  await expectAccessible(page);

  await who.getByRole('radio', { name: 'Deltakeren' }).check();
  await page.getByLabel('Hvorfor? (valgfritt)').fill('Jonas har fått time hos NAV.');
  await page.getByRole('button', { name: 'Gå videre' }).click();
  const confirm = page.getByRole('alert').filter({ has: page.getByRole('heading', { name: 'Avlyse møtet?' }) });
  await expect(confirm).toContainText('avlyst av: Deltakeren');
  await expect(page.getByText(/^Avlyst/)).toHaveCount(0);
  await expectNoHorizontalScroll(page);
  await expectAccessible(page);

  await confirm.getByRole('button', { name: 'Ja, avlys møtet' }).click();
  await expect(page).toHaveURL(new RegExp(`/pairs/${pairId}$`));
  await expect(page.getByRole('status')).toHaveText('Møtet er avlyst.');
  await page.goto(`/meetings/${meeting.id}`);
  await expect(page.getByText('Avlyst av deltakeren · Grunn: Jonas har fått time hos NAV.')).toBeVisible();
  await expect(page.getByText('Avlys møtet', { exact: true })).toHaveCount(0);
  await expectAccessible(page);
});

test('the log form of a past meeting has the concern in view and a 1–5 row of 44 px radios that fits 360 px', async ({ page }) => {
  const { past } = await jonasMeetings();
  expect(past.length, 'the demo volunteer has a meeting waiting for its log').toBeGreaterThan(0);
  await loginAs(page, 'VOLUNTEER');
  await page.goto(`/meetings/${present(past[0], 'a meeting waiting for its log').id}`);
  await expect(page.getByRole('heading', { name: 'Logg møtet' })).toBeVisible();
  await expect(page.getByLabel('Bekymring', { exact: true })).toBeVisible();
  await expect(page.getByLabel('Det haster – noen kan være i fare nå')).toBeVisible();

  const rating = page.getByRole('group', { name: 'Hvordan gikk det?' });
  const radios = rating.getByRole('radio');
  await expect(radios).toHaveCount(5);
  for (const [index, radio] of (await radios.all()).entries()) {
    await expect(radio).toHaveAccessibleName(String(index + 1));
    const box = (await radio.boundingBox())!;
    expect(box.width).toBeGreaterThanOrEqual(44);
    expect(box.height).toBeGreaterThanOrEqual(44);
    expect(box.x + box.width).toBeLessThanOrEqual(360);
  }
  const first = (await radios.first().boundingBox())!;
  const last = (await radios.last().boundingBox())!;
  expect(last.y, 'the five targets share one row').toBe(first.y);
  await expectNoHorizontalScroll(page);

  // A tap on the number chooses it; the arrow keys move the choice like any radio group.
  await rating.getByText('3', { exact: true }).click();
  await expect(rating.getByRole('radio', { name: '3' })).toBeChecked();
  await rating.getByRole('radio', { name: '3' }).focus();
  await page.keyboard.press('ArrowRight');
  await expect(rating.getByRole('radio', { name: '4' })).toBeChecked();
  await expect(rating.getByRole('radio', { name: '4' })).toBeFocused();
  await expectAccessible(page);
});
