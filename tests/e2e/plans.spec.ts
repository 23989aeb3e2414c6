import zlib from 'node:zlib';
import { currentTime } from '~/lib/clock';
import { formatMonth, monthOf } from '~/lib/time';
import { expect, expectAccessible, loginAs, test, todaysMeetingToLog } from './support';
import { withE2eDatabase } from './database';

/**
 * The Er-Vil-Kan plan end to end, on the demo data: the demo officer's referral "Jonas Lie"
 * is matched with the demo volunteer, whose consent shares the plan.
 * Not covered here: logging a meeting tagged with a plan area (built with the meeting log).
 */

/** The participant pages are reached from the participant page; the spec looks the id up by name. */
async function participantId(firstName: string, lastName: string): Promise<string> {
  const row = await withE2eDatabase((db) => db.participant.findFirstOrThrow({ where: { firstName, lastName }, select: { id: true } }));
  return row.id;
}

const NEW_GOAL = 'Spille fotball med laget på Lerkendal hver tirsdag';

test('the probation officer edits the plan of their own referral, and the change is a new version', async ({ page }) => {
  await loginAs(page, 'PROBATION_OFFICER');
  await expect(page.getByRole('cell', { name: 'Jonas Lie' })).toBeVisible();
  const id = await participantId('Jonas', 'Lie');
  await page.goto(`/participants/${id}/plan`);
  await expect(page.getByRole('heading', { level: 1, name: 'Min plan – Jonas Lie' })).toBeVisible();
  await expect(page.getByText('Versjon 1, lagret')).toBeVisible();
  await expectAccessible(page);

  await page.getByRole('link', { name: 'Rediger planen' }).click();
  const network = page.getByRole('group', { name: 'Nettverk og nære relasjoner' });
  await expect(network.getByLabel('Min fremtid')).toHaveValue(/lillesøster/);
  await expectAccessible(page);
  await network.getByLabel('Min fremtid').fill(NEW_GOAL);
  await network.getByRole('checkbox', { name: 'Mestring' }).check();
  const own = page.getByRole('group', { name: 'Legg til et eget område' });
  await own.getByLabel('Min fremtid').fill('Lære å spille gitar');
  await page.getByRole('button', { name: 'Lagre ny versjon' }).click();
  // An own area without a name is refused next to the field, keeping the text.
  await expect(own.getByText('Gi området et navn.')).toBeVisible();
  await expect(own.getByLabel('Min fremtid')).toHaveValue('Lære å spille gitar');
  await expect(network.getByLabel('Min fremtid')).toHaveValue(NEW_GOAL);
  await own.getByLabel('Navn på området').fill('Musikk');
  await page.getByRole('button', { name: 'Lagre ny versjon' }).click();

  await expect(page.getByRole('status')).toHaveText(/Planen er lagret som versjon \d+\./);
  const networkView = page.getByRole('region', { name: 'Nettverk og nære relasjoner' });
  await expect(networkView.getByText(NEW_GOAL)).toBeVisible();
  await expect(networkView.getByText('Glede, Mestring, Tilhørighet')).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'Musikk' })).toBeVisible();
  await expectAccessible(page);

  await page.getByRole('link', { name: 'Sammenlign versjon 1 med gjeldende' }).click();
  const compare = page.getByRole('region', { name: /Versjon 1 sammenlignet med gjeldende versjon/ });
  const networkTable = compare.getByRole('table', { name: /Nettverk og nære relasjoner/ });
  const futureRow = networkTable.getByRole('row', { name: /Min fremtid/ });
  await expect(futureRow).toContainText('Endret');
  await expect(futureRow).toContainText('lillesøster');
  await expect(futureRow).toContainText(NEW_GOAL);
  await expect(compare.getByRole('table', { name: /Musikk/ })).toContainText('Nytt område');
  await expectAccessible(page);
});

test('the volunteer logs a meeting tagged with a plan area and sees it in what the pair has worked on', async ({ page }) => {
  await loginAs(page, 'VOLUNTEER');
  const jonasCard = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: 'Du og Jonas' }) });
  await jonasCard.getByRole('link', { name: 'Les planen (Min plan)' }).click();
  // This month's row, by its month (it has no row yet when nothing was logged this month).
  const thisMonth = page
    .getByRole('region', { name: 'Dette har dere jobbet med' })
    .getByRole('row', { name: new RegExp(`^${formatMonth(monthOf(currentTime()), 'nb')}`) });
  const housingCount = async () =>
    (await thisMonth.count()) === 0 ? 0 : Number(/Bolig og nærmiljø \((\d+)\)/.exec(await thisMonth.innerText())?.[1] ?? 0);
  const before = await housingCount();

  await page.getByRole('link', { name: 'Mine møter' }).click();
  await todaysMeetingToLog(page).click();
  await page.getByRole('group', { name: 'Hvordan gikk det?' }).getByText('5', { exact: true }).click();
  await page.getByText('Mer (valgfritt)').click();
  await page.getByRole('group', { name: 'Hvilke deler av planen var dere innom?' }).getByLabel('Bolig og nærmiljø').check();
  await page.getByRole('group', { name: 'Hvilke goder handlet det om?' }).getByLabel('Mestring').check();
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Lagre loggen' }).click();
  await expect(page).toHaveURL(/\/me$/);

  await jonasCard.getByRole('link', { name: 'Les planen (Min plan)' }).click();
  await expect.poll(housingCount).toBe(before + 1);
  await expect(thisMonth).toContainText('Mestring');
});

test('the volunteer reads the plan on a phone, without edit or handover links', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await loginAs(page, 'VOLUNTEER');
  const id = await participantId('Jonas', 'Lie');
  await page.goto(`/participants/${id}/plan`);
  await expect(page.getByRole('heading', { level: 1, name: 'Min plan – Jonas Lie' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Arbeid og utdanning' }).getByText('Fullføre fagbrev som tømrer.')).toBeVisible();
  await expect(page.getByRole('link', { name: 'Rediger planen' })).toHaveCount(0);
  await expect(page.getByRole('link', { name: 'Overføringsdokument' })).toHaveCount(0);
  await expect(page.getByRole('heading', { name: 'Dette har dere jobbet med' })).toBeVisible();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await expectAccessible(page);

  const response = await page.goto(`/participants/${id}/plan/handover`);
  expect(response?.status()).toBe(403);
  await expect(page.getByRole('heading', { name: 'Ingen tilgang' })).toBeVisible();
});

test('the coordinator records a review, opens the handover and prints it to a PDF with a goal in it', async ({ page }) => {
  await loginAs(page, 'COORDINATOR');
  const id = await participantId('Jonas', 'Lie');
  await page.goto(`/participants/${id}/plan`);
  const review = page.getByRole('form', { name: 'Registrer en gjennomgang' });
  await review.getByRole('group', { name: 'Bolig og nærmiljø' }).getByLabel('Status').selectOption({ label: 'På pause' });
  await review.getByRole('group', { name: 'Bolig og nærmiljø' }).getByLabel('Kommentar').fill('Har fått kommunal leilighet');
  await review.getByRole('button', { name: 'Lagre gjennomgangen' }).click();
  await expect(page.getByRole('status')).toHaveText('Gjennomgangen er lagret.');
  await expect(page.getByRole('table', { name: 'Siste status' }).getByRole('row', { name: /Bolig og nærmiljø/ })).toContainText('På pause');
  await expectAccessible(page);

  await page.getByRole('link', { name: 'Overføringsdokument' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Overføringsdokument – Jonas Lie' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Skriv ut / lagre som PDF' })).toBeVisible();
  const handover = page.getByRole('article');
  for (const area of [
    'Nettverk og nære relasjoner',
    'Fysisk aktivitet og kosthold',
    'Arbeid og utdanning',
    'Økonomi og gjeld',
    'Bolig og nærmiljø',
  ]) {
    await expect(handover.getByRole('heading', { level: 3, name: area })).toBeVisible();
  }
  await expect(handover).toContainText('Fullføre fagbrev som tømrer.');
  await expect(handover.getByRole('row', { name: /Bolig og nærmiljø/ })).toContainText('På pause');
  await expect(handover.getByRole('row', { name: /Bolig og nærmiljø/ })).toContainText('Har fått kommunal leilighet');
  await expect(handover.getByRole('heading', { name: 'Tjenester før løslatelsen' })).toBeVisible();
  await expect(handover).toContainText('Marte Frivoll');
  await expect(handover).toContainText('Kontaktbetjent');
  await expectAccessible(page);

  const pdf = await page.pdf({ format: 'A4', printBackground: true });
  expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  expect(pdf.length).toBeGreaterThan(20_000);
  const text = pdfText(pdf);
  expect(text).toContain('Fullføre fagbrev som tømrer.');
  expect(text).toContain('Overføringsdokument – Jonas Lie');
  // The screen-only parts stay off paper.
  expect(text).not.toContain('Skriv ut / lagre som PDF');
});

/**
 * The text of a Chromium-made PDF, without a PDF library: inflate every stream, read the
 * fonts' ToUnicode maps, and decode the hex glyph strings of the page content with them.
 * Good enough for "does the document say X"; not a general PDF parser.
 */
function pdfText(pdf: Buffer): string {
  const raw = pdf.toString('latin1');
  const streams: string[] = [];
  const streamPattern = /stream\r?\n/g;
  let match: RegExpExecArray | null;
  while ((match = streamPattern.exec(raw))) {
    const start = match.index + match[0].length;
    const end = raw.indexOf('endstream', start);
    if (end === -1) break;
    const bytes = pdf.subarray(start, end);
    try {
      streams.push(zlib.inflateSync(bytes).toString('latin1'));
    } catch {
      streams.push(bytes.toString('latin1'));
    }
    streamPattern.lastIndex = end + 'endstream'.length;
  }
  const glyphs = new Map<string, string>();
  const hexToText = (hex: string) => {
    let out = '';
    for (let i = 0; i + 4 <= hex.length; i += 4) out += String.fromCharCode(parseInt(hex.slice(i, i + 4), 16));
    return out;
  };
  for (const stream of streams.filter((s) => s.includes('begincmap'))) {
    for (const block of stream.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
      // Groups that are not optional always match: `?? ''` only satisfies the index type.
      for (const [, code = '', text = ''] of (block[1] ?? '').matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>/g))
        glyphs.set(code.toLowerCase(), hexToText(text));
    }
    for (const block of stream.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
      for (const [, first = '', last = '', target = ''] of (block[1] ?? '').matchAll(
        /<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>/g,
      )) {
        const width = first.length;
        const from = parseInt(first, 16);
        const to = parseInt(last, 16);
        const base = parseInt(target, 16);
        for (let code = from; code <= to; code += 1) {
          glyphs.set(code.toString(16).padStart(width, '0'), String.fromCodePoint(base + code - from));
        }
      }
    }
  }
  const lines: string[] = [];
  for (const stream of streams.filter((s) => /\bBT\b/.test(s))) {
    for (const block of stream.matchAll(/BT([\s\S]*?)ET/g)) {
      let line = '';
      for (const piece of (block[1] ?? '').matchAll(/<([0-9a-fA-F]+)>|(-?\d+(?:\.\d+)?)(?=[^\]]*\]\s*TJ)/g)) {
        if (piece[1]) {
          for (let i = 0; i + 4 <= piece[1].length; i += 4) line += glyphs.get(piece[1].slice(i, i + 4).toLowerCase()) ?? '';
        } else if (Number(piece[2]) < -200) {
          line += ' ';
        }
      }
      lines.push(line);
    }
  }
  return lines.join(' ').replace(/\s+/g, ' ');
}
