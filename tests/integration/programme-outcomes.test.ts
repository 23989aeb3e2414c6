import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { outcomeMeasures } from '~/domain/figures/outcomes.server';
import { costPerPair, planChange, releaseFigures, volunteerFigures } from '~/domain/figures/programme-outcomes.server';
import { parsePeriod } from '~/domain/figures/period';
import { formatOutcomeValue, programmeOutcomeRows, type OutcomeRow } from '~/domain/reports/outcome-rows';
import { parseNokAmount } from '~/domain/settings/costs';
import { recordProgrammeCost } from '~/domain/settings/costs.server';
import { resetClock, setClock } from '~/lib/clock';
import { db } from '~/lib/db.server';
import { formatNok } from '~/lib/format';
import { translator } from '~/lib/i18n';
import { osloInstant } from '~/lib/time';
import {
  createMeeting,
  createPair,
  createParticipant,
  createPlan,
  createPlanReview,
  createUser,
  createVolunteer,
} from '../../prisma/fixtures/factories';
import { resetDatabase } from '../support/reset';
import { call, getRequest, postRequest, sessionCookieFor } from '../support/requests';
import { loader as xlsxLoader } from '~/routes/reports.funder[.]xlsx';
import { loader as reportsLoader } from '~/routes/reports._index';
import { action as costsAction, loader as costsLoader } from '~/routes/settings_.costs';

/** 10:00 on Wednesday 2 December 2026 in Oslo. */
const NOW = new Date('2026-12-02T09:00:00Z');

beforeEach(async () => {
  await resetDatabase();
  setClock(NOW);
});
afterEach(() => resetClock());

const period = (key: string) => parsePeriod(key)!;

/**
 * Five participants, each in one pair (the pairs' volunteers never became ready):
 * P1 expected out 10 Mar 2026, actually released 1 Mar; paired 1 Jan, completed as planned 15 Jun.
 *    Three held prison visits before release (90 min each), one after (60 min).
 * P2 expected out 15 Aug 2026; paired 1 Jul, ongoing. Two prison visits before release, one café
 *    meeting planned for 120 min and logged as 45; one cancelled visit.
 * P3 expected out 1 Feb 2027 (not yet); paired 1 Sep, ongoing.
 * P4 expected out 1 May 2026; paired 1 Jun, after release.
 * P5 expected out 1 Apr 2026; paired 1 Feb, ended unplanned 15 Mar, before release.
 */
async function history() {
  const officer = await createUser(db, { role: 'PROBATION_OFFICER' });
  const spec = [
    { key: 'P1', expected: '2026-03-10', actual: '2026-03-01', start: '2026-01-01', end: '2026-06-15', type: 'PLANNED' },
    { key: 'P2', expected: '2026-08-15', start: '2026-07-01' },
    { key: 'P3', expected: '2027-02-01', start: '2026-09-01' },
    { key: 'P4', expected: '2026-05-01', start: '2026-06-01' },
    { key: 'P5', expected: '2026-04-01', start: '2026-02-01', end: '2026-03-15', type: 'UNPLANNED' },
  ];
  const pairs: Record<string, string> = {};
  const participants: Record<string, string> = {};
  for (const row of spec) {
    const participant = await createParticipant(db, {
      referrerId: officer.id,
      referralDate: '2025-12-01',
      status: 'MATCHED',
      lastName: row.key,
      expectedReleaseDate: row.expected,
    });
    if (row.actual) await db.participant.update({ where: { id: participant.id }, data: { actualReleaseDate: row.actual } });
    const volunteer = await createVolunteer(db, { status: 'APPLIED' });
    const pair = await createPair(db, { participantId: participant.id, volunteerId: volunteer.id, startDate: row.start });
    if (row.end)
      await db.pair.update({
        where: { id: pair.id },
        data: { status: 'ENDED', endDate: row.end, endedAt: osloInstant(row.end, '12:00'), endType: row.type, endReason: 'OTHER' },
      });
    pairs[row.key] = pair.id;
    participants[row.key] = participant.id;
  }
  for (const day of ['2026-01-10', '2026-01-24', '2026-02-14'])
    await createMeeting(db, {
      pairId: pairs.P1!,
      startsAt: osloInstant(day, '13:00'),
      placeType: 'PRISON_VISIT',
      durationMinutes: 90,
      log: { outcome: 'HELD' },
    });
  await createMeeting(db, {
    pairId: pairs.P1!,
    startsAt: osloInstant('2026-03-05', '13:00'),
    placeType: 'PRISON_VISIT',
    log: { outcome: 'HELD' },
  });
  for (const day of ['2026-07-10', '2026-08-01'])
    await createMeeting(db, {
      pairId: pairs.P2!,
      startsAt: osloInstant(day, '13:00'),
      placeType: 'PRISON_VISIT',
      log: { outcome: 'HELD' },
    });
  await createMeeting(db, {
    pairId: pairs.P2!,
    startsAt: osloInstant('2026-08-05', '13:00'),
    placeType: 'PRISON_VISIT',
    log: { outcome: 'CANCELLED_BY_VOLUNTEER' },
  });
  const cafe = await createMeeting(db, {
    pairId: pairs.P2!,
    startsAt: osloInstant('2026-07-20', '17:00'),
    durationMinutes: 120,
    log: { outcome: 'HELD' },
  });
  await db.meetingLog.update({ where: { meetingId: cafe.id }, data: { durationMinutes: 45 } });

  // Er-Vil-Kan reviews.
  const x = await createPlan(db, { participantId: participants.P1! });
  await createPlanReview(db, {
    planId: x.id,
    reviewedOn: '2026-02-01',
    items: [
      { areaKey: 'NETWORK', status: 'NOT_STARTED' },
      { areaKey: 'HOUSING', status: 'IN_PROGRESS' },
      { areaKey: 'WORK_EDUCATION', status: 'IN_PROGRESS' },
      { areaKey: 'FINANCES', status: 'NOT_STARTED' },
    ],
  });
  await createPlanReview(db, {
    planId: x.id,
    reviewedOn: '2026-05-01',
    items: [
      { areaKey: 'NETWORK', status: 'IN_PROGRESS' },
      { areaKey: 'HOUSING', status: 'ACHIEVED' },
      { areaKey: 'WORK_EDUCATION', status: 'NOT_STARTED' },
      { areaKey: 'FINANCES', status: 'PAUSED' },
      { areaKey: 'ACTIVITY_DIET', status: 'ACHIEVED' },
    ],
  });
  const y = await createPlan(db, { participantId: participants.P2! });
  for (const reviewedOn of ['2026-08-01', '2026-10-01'])
    await createPlanReview(db, { planId: y.id, reviewedOn, items: [{ areaKey: 'NETWORK', status: 'IN_PROGRESS' }] });
  const z = await createPlan(db, { participantId: participants.P3! });
  await createPlanReview(db, { planId: z.id, reviewedOn: '2026-09-01', items: [{ areaKey: 'NETWORK', status: 'ACHIEVED' }] });

  // Volunteers who applied and became ready (30, 50 and 61 days), and one who never did.
  for (const [applied, ready] of [
    ['2026-01-05', '2026-02-04'],
    ['2026-03-01', '2026-04-20'],
    ['2026-06-01', '2026-08-01'],
  ] as const)
    await createVolunteer(db, { status: 'READY', createdAt: osloInstant(applied, '10:00'), readyAt: osloInstant(ready, '10:00') });
  await createVolunteer(db, { status: 'SCREENING', createdAt: osloInstant('2026-02-01', '10:00') });

  // Costs: 100 000 kr + 20 000,40 kr in the first half of 2026, 90 000 kr in the second.
  const coordinator = await createUser(db, { role: 'COORDINATOR' });
  await recordProgrammeCost(null, coordinator.id, { halfYear: '2026-H1', amountOre: 10_000_000, category: 'STAFF', note: null });
  await recordProgrammeCost(null, coordinator.id, { halfYear: '2026-H1', amountOre: 2_000_040, category: 'PREMISES', note: 'Husleie' });
  await recordProgrammeCost(null, coordinator.id, { halfYear: '2026-H2', amountOre: 9_000_000, category: 'STAFF', note: null });
  return { pairs, participants };
}

describe('release figures', () => {
  it('counts participants released in a pair, by the release date in force', async () => {
    await history();
    // P1 (actual 1 Mar: 59 days, 3 visits) and P2 (15 Aug: 45 days, 2 visits); P3 not yet out, P4 and P5 not in a pair then.
    expect(await releaseFigures(db, null, NOW)).toEqual({
      released: 2,
      medianDaysMatchedBeforeRelease: 52,
      withPrisonMeetings: 1,
      share: 0.5,
    });
    expect(await releaseFigures(db, period('2026-H1'), NOW)).toEqual({
      released: 1,
      medianDaysMatchedBeforeRelease: 59,
      withPrisonMeetings: 1,
      share: 1,
    });
    expect(await releaseFigures(db, period('2026-H2'), NOW)).toEqual({
      released: 1,
      medianDaysMatchedBeforeRelease: 45,
      withPrisonMeetings: 0,
      share: 0,
    });
  });

  it('has nothing to measure without releases: null, not 0 or NaN', async () => {
    expect(await releaseFigures(db, period('2025-H2'), NOW)).toEqual({
      released: 0,
      medianDaysMatchedBeforeRelease: null,
      withPrisonMeetings: 0,
      share: null,
    });
  });
});

describe('Er-Vil-Kan life-area change', () => {
  it('compares each area from its first to its last review, leaving out paused, changed and once-reviewed areas', async () => {
    await history();
    expect(await planChange(db, null)).toEqual({
      plans: 2,
      areas: 4,
      improved: 2,
      unchanged: 1,
      worse: 1,
      achieved: 1,
      improvedShare: 0.5,
    });
    expect(await planChange(db, period('2026-H1'))).toMatchObject({ plans: 1, areas: 3, improved: 2, worse: 1, improvedShare: 0.667 });
    // Plan Y's last review is in October; plan Z has one review only.
    expect(await planChange(db, period('2026-H2'))).toMatchObject({ plans: 1, areas: 1, unchanged: 1, improvedShare: 0 });
    expect(await planChange(db, period('2025-H2'))).toMatchObject({ plans: 0, areas: 0, improvedShare: null });
  });
});

describe('volunteer figures', () => {
  it('pins days from application to ready and the hours given in held meetings', async () => {
    await history();
    // All time: 3 × 90 + 60 + 2 × 60 + 45 (the logged duration, not the planned 120) = 495 minutes.
    expect(await volunteerFigures(db, null)).toEqual({
      becameReady: 3,
      medianDaysToReady: 50,
      meetingsHeld: 7,
      hoursGiven: 8.3,
      volunteersGiving: 2,
    });
    expect(await volunteerFigures(db, period('2026-H1'))).toEqual({
      becameReady: 2,
      medianDaysToReady: 40,
      meetingsHeld: 4,
      hoursGiven: 5.5,
      volunteersGiving: 1,
    });
    expect(await volunteerFigures(db, period('2025-H2'))).toEqual({
      becameReady: 0,
      medianDaysToReady: null,
      meetingsHeld: 0,
      hoursGiven: 0,
      volunteersGiving: 0,
    });
  });
});

describe('cost per pair', () => {
  it('divides the half-years’ costs by the active and the completed pairs', async () => {
    await history();
    // H1: P1, P4, P5 active; P1 completed. 120 000,40 kr / 3 ≈ 40 000 kr; / 1 = 120 000 kr.
    expect(await costPerPair(db, period('2026-H1'), NOW)).toEqual({
      halfYears: ['2026-H1'],
      totalOre: 12_000_040,
      activePairs: 3,
      completedPairs: 1,
      perActivePairOre: 4_000_000,
      perCompletedPairOre: 12_000_000,
    });
    // The year counts both halves; all five pairs were active in it.
    expect(await costPerPair(db, period('2026'), NOW)).toMatchObject({
      halfYears: ['2026-H1', '2026-H2'],
      totalOre: 21_000_040,
      activePairs: 5,
      perActivePairOre: 4_200_000,
    });
    expect(await costPerPair(db, null, NOW)).toEqual({
      halfYears: ['2026-H1', '2026-H2'],
      totalOre: 21_000_040,
      activePairs: 5,
      completedPairs: 1,
      perActivePairOre: 4_200_000,
      perCompletedPairOre: 21_000_000,
    });
  });

  it('reads "–" and "no costs recorded" without costs or pairs, never NaN', async () => {
    const cost = await costPerPair(db, period('2025-H2'), NOW);
    expect(cost).toEqual({
      halfYears: ['2025-H2'],
      totalOre: 0,
      activePairs: 0,
      completedPairs: 0,
      perActivePairOre: null,
      perCompletedPairOre: null,
    });
    const measures = await outcomeMeasures(period('2025-H2'), NOW);
    const t = translator('nb');
    const shown = Object.fromEntries(programmeOutcomeRows(measures).map((row) => [row.key, formatOutcomeValue(row, 'nb', t)]));
    expect(shown.costTotal).toBe('Ingen kostnader registrert');
    expect(shown.costPerActivePair).toBe('–');
    expect(shown.daysMatchedBeforeRelease).toBe('–');
    expect(shown.prisonMeetingsBeforeRelease).toBe('–');
    expect(shown.areasImproved).toBe('–');
    expect(shown.daysToReady).toBe('–');
    expect(Object.values(shown).join(' ')).not.toMatch(/NaN|undefined|null/);
  });
});

describe('amounts as people read them', () => {
  it('formats kroner in bokmål and English and reads typed amounts', () => {
    const nbsp = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');
    expect(nbsp(formatNok(12_000_040, 'nb'))).toBe('120 000,40 kr');
    expect(nbsp(formatNok(4_000_000, 'nb'))).toBe('40 000 kr');
    expect(nbsp(formatNok(12_000_040, 'en'))).toBe('NOK 120,000.40');
    expect(nbsp(formatNok(4_000_000, 'en'))).toBe('NOK 40,000');
    expect(parseNokAmount('12 345,50')).toBe(1_234_550);
    expect(parseNokAmount('12345.5')).toBe(1_234_550);
    expect(parseNokAmount('125 000 kr')).toBe(12_500_000);
    expect(parseNokAmount('12,345.50')).toBe(1_234_550);
    expect(parseNokAmount('125,000')).toBe(12_500_000);
    expect(parseNokAmount('1.250,50')).toBe(125_050);
    for (const bad of ['', '0', '-5', '1,2345', '12,34,5', 'abc', '1e5', '1000,000', '999999999999'])
      expect(parseNokAmount(bad)).toBeNull();
  });
});

describe('the report page and the workbook', () => {
  it('show the same release, plan, volunteer and cost figures', async () => {
    await history();
    const coordinator = await createUser(db, { role: 'COORDINATOR', language: 'en' });
    const cookie = await sessionCookieFor(coordinator.id);
    const page = await call(reportsLoader, getRequest('/reports?period=2026-H1', cookie));
    const data = (await page.json()) as {
      outcomes: Parameters<typeof programmeOutcomeRows>[0];
      outcomesAllTime: Parameters<typeof programmeOutcomeRows>[0];
    };
    const pageRows = programmeOutcomeRows(data.outcomes);
    const pageAll = programmeOutcomeRows(data.outcomesAllTime);
    expect(pageRows.find((row) => row.key === 'costPerActivePair')!.value).toBe(4_000_000);

    const response = await call(xlsxLoader, getRequest('/reports/funder.xlsx?period=2026-H1', cookie));
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await response.arrayBuffer());
    const sheet = workbook.getWorksheet('Outcome measures')!;
    const rows = sheet.getSheetValues().filter(Boolean) as unknown[][];
    const cell = (row: OutcomeRow) => (row.value === null ? '–' : row.kind === 'nok' ? row.value / 100 : row.value);
    const t = translator('en');
    pageRows.forEach((row, index) => {
      const sheetRow = rows.find((candidate) => candidate[4] === row.key);
      expect(sheetRow, row.key).toBeDefined();
      expect([sheetRow![1], sheetRow![2], sheetRow![3]]).toEqual([t(row.label), cell(row), cell(pageAll[index]!)]);
    });
    const perPair = rows.find((row) => row[4] === 'costPerCompletedPair')!;
    expect([perPair[2], perPair[3]]).toEqual([120_000, 210_000]);
    expect(sheet.getRow(rows.indexOf(perPair) + 1).getCell(2).numFmt).toBe('#,##0.00 "kr"');
  });
});

describe('/settings/costs', () => {
  it('records a typed amount with its audit row, refuses a bad one and deletes', async () => {
    const coordinator = await createUser(db, { role: 'COORDINATOR' });
    const cookie = await sessionCookieFor(coordinator.id);
    const added = await call(
      costsAction,
      postRequest(
        '/settings/costs',
        { intent: 'add', halfYear: '2026-H2', amount: '12 345,50', category: 'TRAVEL', note: 'Reiser til Trondheim' },
        cookie,
      ),
    );
    expect(added.status).toBe(302);
    const cost = await db.programmeCost.findFirstOrThrow();
    expect(cost).toMatchObject({ halfYear: '2026-H2', amountOre: 1_234_550, category: 'TRAVEL', recordedById: coordinator.id });
    expect(
      await db.auditEvent.count({ where: { entityType: 'SETTINGS', entityId: cost.id, action: 'CREATE', actorId: coordinator.id } }),
    ).toBe(1);

    for (const fields of [
      { intent: 'add', halfYear: '2026-H2', amount: '0', category: 'TRAVEL' },
      { intent: 'add', halfYear: '2026-H2', amount: 'mye', category: 'TRAVEL' },
      { intent: 'add', halfYear: '2019-H1', amount: '100', category: 'TRAVEL' },
      { intent: 'add', halfYear: '2026-H2', amount: '100', category: 'CATERING' },
    ]) {
      const refused = await call(costsAction, postRequest('/settings/costs', fields, cookie));
      expect(refused.status, JSON.stringify(fields)).toBe(400);
    }
    expect(await db.programmeCost.count()).toBe(1);

    const page = await call(costsLoader, getRequest('/settings/costs', cookie));
    const { halfYears, costs } = (await page.json()) as { halfYears: string[]; costs: { id: string }[] };
    expect(halfYears).toEqual(['2026-H2', '2026-H1', '2025-H2', '2025-H1', '2024-H2', '2024-H1']);
    expect(costs.map((row) => row.id)).toEqual([cost.id]);

    const deleted = await call(costsAction, postRequest('/settings/costs', { intent: 'delete', id: cost.id }, cookie));
    expect(deleted.status).toBe(302);
    expect(await db.programmeCost.count()).toBe(0);
    expect(await db.auditEvent.count({ where: { entityType: 'SETTINGS', entityId: cost.id, action: 'DELETE' } })).toBe(1);
  });
});
