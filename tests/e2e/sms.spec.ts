import { TestSmppServer } from '../support/smpp-server';
import { demoEmail, expect, expectAccessible, loginAs, test, waitForEmail } from './support';
import { withE2eDatabase } from './database';

test.use({ viewport: { width: 360, height: 740 } });

/**
 * The app's SMS_URL points at E2E_SMPP_PORT (tests/e2e/server.ts); this spec's own SMPP server
 * listens there, and the app binds to it with its reconnect backoff.
 */
const smsc = new TestSmppServer();
test.beforeAll(async () => {
  await smsc.start(Number(process.env.E2E_SMPP_PORT));
  await smsc.waitForBind(45_000);
});
test.afterAll(() => smsc.stop());

/** The demo volunteer's pair with Jonas, and Jonas's number. */
async function jonas(): Promise<{ pairId: string; phone: string }> {
  const pair = await withE2eDatabase((db) =>
    db.pair.findFirstOrThrow({
      where: { status: 'ACTIVE', volunteer: { user: { email: demoEmail('VOLUNTEER') } }, participant: { firstName: 'Jonas' } },
      select: { id: true, participant: { select: { phone: true } } },
    }),
  );
  return { pairId: pair.id, phone: pair.participant.phone! };
}

/** No quiet hours for this spec: it runs at any hour of the day (the quiet hours have their own integration test). */
async function turnOffQuietHours() {
  await withE2eDatabase(async (db) => {
    for (const key of ['smsQuietStartHour', 'smsQuietEndHour']) {
      await db.setting.upsert({ where: { key }, create: { key, value: 0 }, update: { value: 0 } });
    }
  });
}

async function expectTapTargets(page: import('@playwright/test').Page, locator: import('@playwright/test').Locator) {
  for (const target of await locator.all()) {
    const box = (await target.boundingBox())!;
    expect(box.height, (await target.textContent()) ?? '').toBeGreaterThanOrEqual(44);
  }
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
}

test('the volunteer texts the participant through the programme and reads the reply on the pair page', async ({ page }) => {
  await turnOffQuietHours();
  const { pairId, phone } = await jonas();
  await loginAs(page, 'VOLUNTEER');
  await page.goto(`/pairs/${pairId}`);
  const thread = page.getByRole('region', { name: 'SMS med deltakeren' });
  await expect(thread).toBeVisible();
  await expect(thread.getByText('Kommer om 5 min!')).toBeVisible();
  // The participant's number is not in the thread.
  await expect(thread).not.toContainText(phone.slice(3));
  await expectAccessible(page);

  await thread.getByRole('link', { name: 'Skriv en SMS til Jonas' }).click();
  await expect(page.getByRole('heading', { name: 'Send SMS til Jonas', level: 1 })).toBeVisible();
  await expectAccessible(page);
  await expectTapTargets(page, page.locator('main .choices label, main button[type=submit]'));

  // Nothing goes in one click: the review comes first, and nothing is pre-chosen.
  await page.getByRole('button', { name: 'Se over før sending' }).click();
  await expect(page.getByText('Velg en ferdig tekst eller skriv din egen.')).toBeVisible();
  const words = 'Hei Jonas! Ses på kafeen i morgen kl. 17?';
  await page.getByLabel('Din tekst').fill(words);
  await expect(page.getByText(`${Array.from(words).length} tegn · 1 SMS`)).toBeVisible();
  await page.getByRole('button', { name: 'Se over før sending' }).click();
  const review = page.getByRole('region', { name: 'Slik blir SMS-en' });
  await expect(review.getByText(words)).toBeVisible();
  await expectAccessible(page);
  // Only this text counts: the survey-link job may catch up its morning run and text others meanwhile.
  expect(smsc.submitted.filter((sms) => sms.text === words)).toHaveLength(0);
  await review.getByRole('button', { name: 'Send SMS' }).click();
  await expect(page.getByText('SMS-en er lagt i kø og sendes straks.')).toBeVisible();

  const [submitted] = await smsc.waitFor((sms) => sms.text === words, 1, 30_000);
  expect(submitted).toMatchObject({ to: phone.slice(1), from: 'Brobygger', dataCoding: 8 });

  expect(await smsc.reply(phone, 'Ja, det passer!')).toBe(0);
  await page.reload();
  const reply = thread.getByRole('listitem').filter({ hasText: 'Ja, det passer!' });
  await expect(reply).toContainText('Fra deltakeren');
  await expect(thread.getByRole('listitem').filter({ hasText: words })).toContainText('Fra deg');
  await expectAccessible(page);
  // …and the volunteer is told by email.
  await waitForEmail((email) => email.to.includes(demoEmail('VOLUNTEER')) && email.subject === 'Deltakeren har svart på SMS-en din');
});

test('the coordinator reads a text no rule understood, with its pair, and marks it handled; the demo page shows the texts', async ({
  page,
}) => {
  await loginAs(page, 'COORDINATOR');
  await page.goto('/dashboard');
  const inbox = page.getByRole('region', { name: 'SMS som må leses' });
  const item = inbox.getByRole('listitem').filter({ hasText: 'Kan vi flytte neste gang til fredag?' });
  await expect(item.getByRole('link', { name: /^Par: Sara og / })).toBeVisible();
  await expectAccessible(page);
  await item.getByRole('link', { name: /^Par: Sara og / }).click();
  await expect(page.getByRole('region', { name: 'SMS med deltakeren' }).getByText('Kan vi flytte neste gang til fredag?')).toBeVisible();
  await page.goto('/dashboard');
  await inbox.getByRole('button', { name: 'Merk som behandlet' }).click();
  await expect(page.getByText('Meldingen er merket som behandlet.')).toBeVisible();
  await expect(inbox.getByText('Ingen uleste SMS.')).toBeVisible();

  await page.goto('/texts');
  await expect(page.getByRole('heading', { name: 'SMS (demo)', level: 1 })).toBeVisible();
  await expect(page.getByText('UCS-2 · 3 SMS').first()).toBeVisible();
  await expectAccessible(page);
});
