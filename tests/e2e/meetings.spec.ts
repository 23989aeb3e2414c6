import { todayInOslo } from '~/lib/time';
import { demoEmail, expect, expectAccessible, loginAs, test, todaysMeetingToLog, waitForEmail } from './support';

test.use({ viewport: { width: 390, height: 844 } });

function heldOfTarget(text: string): number {
  const match = /(\d+) av (\d+)/.exec(text);
  expect(match, `"${text}" shows held of target`).not.toBeNull();
  return Number(match![1]);
}

test('the volunteer plans the month and logs a meeting with a concern; the coordinator sees it', async ({ page, browser }) => {
  // The coordinator's view of the demo volunteer's pair (Jonas) before.
  const coordinatorContext = await browser.newContext({
    viewport: { width: 390, height: 844 },
    locale: 'nb-NO',
    timezoneId: 'Europe/Oslo',
  });
  const coordinator = await coordinatorContext.newPage();
  await loginAs(coordinator, 'COORDINATOR');
  await coordinator.goto('/pairs');
  await expect(coordinator.getByRole('heading', { name: 'Par', level: 1 })).toBeVisible();
  await expectAccessible(coordinator);
  const jonasRow = coordinator.getByRole('row', { name: /Jonas/ });
  const heldBefore = heldOfTarget(await jonasRow.getByRole('cell').nth(2).innerText());

  // The volunteer plans next month from /me.
  await loginAs(page, 'VOLUNTEER');
  await expect(page.getByRole('heading', { name: 'Mine møter', level: 1 })).toBeVisible();
  // The demo volunteer may have more than one pair (the matching spec adds one): use Jonas's card.
  const jonasCard = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: 'Du og Jonas' }) });
  await expect(jonasCard.getByText(/Denne måneden: \d+ av \d+ møter/)).toBeVisible();
  await expectAccessible(page);
  await jonasCard.getByRole('link', { name: 'Planlegg måneden' }).click();
  await page.getByRole('navigation', { name: 'Måned' }).getByRole('link', { name: 'Neste måned' }).click();
  await expect(page).toHaveURL(/month=\d{4}-\d{2}$/);
  const first = page.getByRole('group', { name: 'Møte 1' });
  await expect(first).toBeVisible();
  await expectAccessible(page);
  const proposals = await page.getByRole('group', { name: /^Møte \d+$/ }).count();
  await first.getByLabel('Klokkeslett').fill('18:15');
  await first.getByLabel('Sted', { exact: true }).fill('Biblioteket på Torget');
  await page.getByRole('button', { name: 'Lagre møtene' }).click();
  await expect(page).toHaveURL(/\/me$/);
  await expect(page.getByRole('status')).toHaveText(`Møter planlagt: ${proposals}.`);

  // The new meeting is on the pair's timeline at the adjusted time.
  await jonasCard.getByRole('link', { name: 'Se alle møter' }).click();
  await expect(page.getByText('Biblioteket på Torget')).toBeVisible();
  await expect(page.getByRole('listitem').filter({ hasText: 'Biblioteket på Torget' }).getByRole('link')).toHaveText(/18:15/);
  await expectAccessible(page);

  // It logs today's meeting from /me: one tap to open, one for the rating, the concern, save.
  await page.getByRole('link', { name: 'Mine møter' }).click();
  await expect(page.getByRole('heading', { name: 'Venter på logg' })).toBeVisible();
  const waitingBefore = await page.getByRole('link', { name: /^Logg møtet / }).count();
  await todaysMeetingToLog(page).click();
  await expect(page.getByRole('heading', { name: 'Logg møtet' })).toBeVisible();
  await expectAccessible(page);
  await expect(page.getByRole('radio', { name: 'Gjennomført' })).toBeChecked();
  await page.getByRole('group', { name: 'Hvordan gikk det?' }).getByText('4', { exact: true }).click();
  // The concern field is in view without opening "Mer (valgfritt)".
  await page.getByLabel('Bekymring', { exact: true }).fill('Han virket redd og snakket om å flytte tilbake til gamle venner.');
  await page.getByRole('button', { name: 'Lagre loggen' }).click();
  await expect(page).toHaveURL(/\/me$/);
  await expect(page.getByRole('status')).toHaveText('Møtet er logget, og koordinatoren har fått beskjed om bekymringen.');
  await expect(page.getByRole('link', { name: /^Logg møtet / })).toHaveCount(waitingBefore - 1);

  // The private calendar feed carries the planned meeting in Oslo time.
  await page.getByRole('button', { name: 'Lag kalenderadresse' }).click();
  await expect(page.getByRole('status')).toHaveText('Kalenderadressen er klar.');
  const feedUrl = await page.getByLabel('Adresse til kalenderen').inputValue();
  expect(feedUrl).toMatch(/\/calendar\/[\w-]+\.ics$/);
  const feed = await page.request.get(feedUrl);
  expect(feed.status()).toBe(200);
  const ics = await feed.text();
  expect(ics).toContain('BEGIN:VTIMEZONE');
  expect(ics).toMatch(/DTSTART;TZID=Europe\/Oslo:\d{8}T181500/);
  expect(ics).toContain('LOCATION:Biblioteket på Torget');
  await expectAccessible(page);

  // The coordinator is emailed at once, without the text.
  const email = await waitForEmail((e) => e.to.includes(demoEmail('COORDINATOR')) && e.subject === 'En frivillig har meldt en bekymring');
  expect(email.text).not.toContain('redd');
  expect(email.text).toMatch(/\/pairs\/\w+/);

  // The dashboard shows the concern and the pair's month has one more held meeting.
  await coordinator.goto('/dashboard');
  await expect(coordinator.getByRole('heading', { name: 'Trenger handling i dag' })).toBeVisible();
  const concerns = coordinator.getByRole('region', { name: /Åpne bekymringer/ });
  await expect(concerns.getByText('Han virket redd og snakket om å flytte tilbake til gamle venner.')).toBeVisible();
  await expect(concerns.getByRole('link', { name: /Bekymring for Jonas/ })).toBeVisible();
  const row = coordinator.getByRole('row', { name: /Jonas/ });
  await expect(row.getByRole('cell').nth(2)).toHaveText(new RegExp(`^${heldBefore + 1} av \\d+$`));
  await expect(row.getByText('Trenger oppfølging')).toBeVisible();
  await expectAccessible(coordinator);

  // Acknowledged, it leaves the dashboard.
  await concerns.getByRole('button', { name: 'Kvitter ut' }).click();
  await expect(coordinator.getByRole('status')).toHaveText('Bekymringen er kvittert ut.');
  await expect(coordinator.getByText('Han virket redd og snakket om å flytte tilbake til gamle venner.')).toHaveCount(0);
  await coordinatorContext.close();
});

test('the coordinator closes a pair, which then cannot be reopened', async ({ page }) => {
  await loginAs(page, 'COORDINATOR');
  await page.goto('/pairs');
  await page.getByRole('link', { name: 'Emil' }).click();
  await expect(page.getByRole('heading', { name: /^Emil og / })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('link', { name: 'Avslutt paret' }).click();
  await expect(page.getByRole('heading', { name: 'Avslutt paret', level: 1 })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Overleveringsdokument' })).toHaveAttribute('href', /\/participants\/\w+\/plan\/handover$/);
  await expectAccessible(page);
  const closeUrl = page.url();
  await page.getByRole('radio', { name: 'Ikke planlagt' }).check();
  await page.getByRole('radio', { name: 'Deltakeren trakk seg' }).check();
  await page.getByLabel('Sluttdato').fill(todayInOslo());
  await page.getByRole('radio', { name: 'Ble ikke holdt', exact: true }).check();
  await page.getByLabel('Hvorfor ble den ikke holdt?').fill('Emil ønsket ikke en avslutningssamtale.');
  await page.getByText('Mer (valgfritt)').click();
  await page.getByLabel('Avtalt kontakt etter avslutningen').fill('Ingen avtalt kontakt – Emil ønsket det slik.');
  await page.getByLabel(/Sluttundersøkelse: hvor fornøyd/).fill('9');
  await page.getByRole('button', { name: 'Gå videre' }).click();
  await expect(page.getByText('Skriv et helt tall mellom 1 og 5.')).toBeVisible();
  await expect(page.getByLabel('Avtalt kontakt etter avslutningen')).toHaveValue('Ingen avtalt kontakt – Emil ønsket det slik.');
  await page.getByLabel(/Sluttundersøkelse: hvor fornøyd/).fill('3');
  await page.getByRole('button', { name: 'Gå videre' }).click();
  await page.getByRole('button', { name: 'Bekreft og avslutt paret' }).click();
  await expect(page.getByRole('status')).toHaveText('Paret er avsluttet.');
  await expect(page.getByText(/Avsluttet \d/)).toBeVisible();
  await expect(page.getByRole('link', { name: 'Avslutt paret' })).toHaveCount(0);
  await expectAccessible(page);

  await page.goto(closeUrl);
  await expect(page.getByText('Paret er allerede avsluttet.')).toBeVisible();
  await expectAccessible(page);
  await page.goto('/pairs');
  await expect(page.getByRole('link', { name: 'Emil' })).toHaveCount(0);
});
