import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { monthlyTrends, outcomeMeasures } from '~/domain/figures/outcomes.server';
import { parsePeriod } from '~/domain/figures/period';
import { setSetting } from '~/domain/settings/settings.server';
import { resetClock, setClock } from '~/lib/clock';
import { db } from '~/lib/db.server';
import { osloInstant } from '~/lib/time';
import { createMeeting, createPair, createParticipant, createUser, createVolunteer } from '../../prisma/fixtures/factories';
import { resetDatabase } from '../support/reset';
import { call, getRequest, sessionCookieFor } from '../support/requests';
import { loader as xlsxLoader } from '~/routes/reports.funder[.]xlsx';
import { loader as reportsLoader } from '~/routes/reports._index';

/** 10:00 on Wednesday 2 December 2026 in Oslo. */
const NOW = new Date('2026-12-02T09:00:00Z');

beforeEach(async () => {
  await resetDatabase();
  setClock(NOW);
});
afterEach(() => resetClock());

/**
 * Five pairs, four meetings a month as the target:
 * A 5 Jan – 1 Mar 2026, unplanned (the volunteer left), 55 days; referred 1 Dec 2025, decided after 10 days.
 * B 1 Feb – 1 Sep, planned, 212 days; referred 2 Jan, decided after 20 days.
 * C since 1 Jun, ongoing (184 days): one support contact in its first month, one in October; 4 meetings in October.
 * D since 1 Nov, ongoing (31 days): two support contacts in its first month; 4 meetings in November.
 * E 1 Apr – 1 May, unplanned (the participant withdrew), 30 days.
 */
async function history() {
  await setSetting(db, 'meetingsPerMonth', 4);
  const officer = await createUser(db, { role: 'PROBATION_OFFICER' });
  const spec = [
    {
      key: 'A',
      referred: '2025-12-01',
      decided: '2025-12-11',
      start: '2026-01-05',
      end: '2026-03-01',
      type: 'UNPLANNED',
      reason: 'VOLUNTEER_LEFT',
    },
    {
      key: 'B',
      referred: '2026-01-02',
      decided: '2026-01-22',
      start: '2026-02-01',
      end: '2026-09-01',
      type: 'PLANNED',
      reason: 'PLAN_COMPLETED',
    },
    { key: 'C', referred: '2026-05-01', start: '2026-06-01' },
    { key: 'D', referred: '2026-10-01', start: '2026-11-01' },
    { key: 'E', referred: '2026-03-02', start: '2026-04-01', end: '2026-05-01', type: 'UNPLANNED', reason: 'PARTICIPANT_WITHDREW' },
  ];
  const pairs: Record<string, string> = {};
  for (const row of spec) {
    const participant = await createParticipant(db, {
      referrerId: officer.id,
      referralDate: row.referred,
      status: 'MATCHED',
      lastName: row.key,
    });
    if (row.decided)
      await db.referral.updateMany({
        where: { participantId: participant.id },
        data: { decision: 'ACCEPTED', decidedAt: osloInstant(row.decided, '10:00') },
      });
    const volunteer = await createVolunteer(db, { status: 'READY' });
    const pair = await createPair(db, { participantId: participant.id, volunteerId: volunteer.id, startDate: row.start });
    if (row.end)
      await db.pair.update({
        where: { id: pair.id },
        data: { status: 'ENDED', endDate: row.end, endedAt: osloInstant(row.end, '12:00'), endType: row.type, endReason: row.reason },
      });
    pairs[row.key] = pair.id;
  }
  for (const [key, days] of [
    ['C', ['2026-06-08', '2026-10-10']],
    ['D', ['2026-11-08', '2026-11-22']],
  ] as const)
    for (const heldOn of days) await db.supportContact.create({ data: { pairId: pairs[key]!, withWhom: 'VOLUNTEER', heldOn } });
  for (const [key, month] of [
    ['C', '2026-10'],
    ['D', '2026-11'],
  ] as const)
    for (const day of ['05', '12', '19', '26'])
      await createMeeting(db, { pairId: pairs[key]!, startsAt: osloInstant(`${month}-${day}`, '18:00'), log: { outcome: 'HELD' } });
}

describe('outcome measures on a fixed history', () => {
  it('pins every figure for all time', async () => {
    await history();
    const all = await outcomeMeasures(null, NOW);
    expect(all.duration).toMatchObject({ pairs: 5, ended: 3, medianDays: 212, reaching6Months: 0.533, reaching12Months: 0 });
    expect(all.duration.curve).toEqual([
      { day: 30, atRisk: 5, surviving: 0.8 },
      { day: 55, atRisk: 3, surviving: 0.533 },
      { day: 212, atRisk: 1, surviving: 0 },
    ]);
    expect(all.closures).toEqual({
      count: 2,
      ended: 3,
      reasons: [
        { reason: 'PARTICIPANT_WITHDREW', count: 1 },
        { reason: 'VOLUNTEER_LEFT', count: 1 },
      ],
    });
    // A: Jan and Feb (1 March's target rounds to 0); B: Feb–Aug; C: Jun–Nov; D: Nov; E: Apr. December is not over.
    expect(all.onTarget).toEqual({ pairMonths: 17, onTarget: 2, share: 0.118 });
    expect(all.fidelity).toEqual({
      firstMonthPairs: 5,
      firstMonthMet: 1,
      firstMonthShare: 0.2,
      laterMonths: 11,
      laterMet: 1,
      laterShare: 0.091,
    });
    expect(all.leadTimes).toEqual({ decisions: 2, medianToDecision: 15, matches: 5, medianToMatch: 31 });
  });

  it('pins the figures of the first half of 2026', async () => {
    await history();
    const h1 = await outcomeMeasures(parsePeriod('2026-H1'), NOW);
    expect(h1.duration).toMatchObject({ pairs: 4, ended: 3, medianDays: 55, reaching6Months: 0.5, reaching12Months: 0 });
    expect(h1.closures.count).toBe(2);
    expect(h1.closures.ended).toBe(2);
    // Pair-months of January–June: A 2, B 5, C 1 (June), E 1; none on target.
    expect(h1.onTarget).toEqual({ pairMonths: 9, onTarget: 0, share: 0 });
    expect(h1.fidelity.firstMonthPairs).toBe(4);
    expect(h1.leadTimes).toEqual({ decisions: 1, medianToDecision: 20, matches: 4, medianToMatch: 30.5 });
  });

  it('pins the monthly trends: meetings held against target and active pairs', async () => {
    await history();
    const trends = await monthlyTrends(12, NOW);
    expect(trends.map((month) => month.month)).toEqual([
      '2026-01',
      '2026-02',
      '2026-03',
      '2026-04',
      '2026-05',
      '2026-06',
      '2026-07',
      '2026-08',
      '2026-09',
      '2026-10',
      '2026-11',
      '2026-12',
    ]);
    expect(trends.find((month) => month.month === '2026-01')).toEqual({ month: '2026-01', activePairs: 1, held: 0, target: 3 });
    expect(trends.find((month) => month.month === '2026-10')).toEqual({ month: '2026-10', activePairs: 1, held: 4, target: 4 });
    expect(trends.find((month) => month.month === '2026-11')).toEqual({ month: '2026-11', activePairs: 2, held: 4, target: 8 });
  });

  it('shows the same figures on /reports and in the workbook', async () => {
    await history();
    const coordinator = await createUser(db, { role: 'COORDINATOR', language: 'en' });
    const cookie = await sessionCookieFor(coordinator.id);
    const page = await call(reportsLoader, getRequest('/reports?period=2026-H1', cookie));
    const data = (await page.json()) as {
      outcomes: { duration: { medianDays: number } };
      outcomesAllTime: { duration: { medianDays: number } };
    };
    expect(data.outcomes.duration.medianDays).toBe(55);
    expect(data.outcomesAllTime.duration.medianDays).toBe(212);
    const response = await call(xlsxLoader, getRequest('/reports/funder.xlsx?period=2026-H1', cookie));
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await response.arrayBuffer());
    const sheet = workbook.getWorksheet('Outcome measures')!;
    const rows = sheet.getSheetValues().filter(Boolean) as unknown[][];
    const median = rows.find((row) => row[4] === 'medianDays')!;
    expect([median[1], median[2], median[3]]).toEqual(['Median duration (days)', 55, 212]);
    expect(sheet.getRow(1).getCell(2).value).toBe('first half of 2026');
  });
});
