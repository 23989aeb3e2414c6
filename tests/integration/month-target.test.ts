import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { meetingsThisMonth, pairsOnTargetInMonth } from '~/domain/figures/figures.server';
import { monthlyTrends, pairMonthsOnTarget } from '~/domain/figures/outcomes.server';
import { monthProposals } from '~/domain/meetings/plan-month.server';
import { parsePeriod } from '~/domain/figures/period';
import { funderReportView } from '~/domain/reports/funder-report.server';
import { pairMonths } from '~/domain/pairs/pair-month.server';
import { setSetting } from '~/domain/settings/settings.server';
import { resetClock, setClock } from '~/lib/clock';
import { db } from '~/lib/db.server';
import { osloInstant } from '~/lib/time';
import { createMeeting, createPair, createParticipant, createUser, createVolunteer } from '../../prisma/fixtures/factories';
import { resetDatabase } from '../support/reset';

/** 10:00 on Wednesday 2 December 2026 in Oslo. */
const NOW = new Date('2026-12-02T09:00:00Z');

beforeEach(async () => {
  await resetDatabase();
  setClock(NOW);
});
afterEach(() => resetClock());

/**
 * Two pairs since 1 September, 4 meetings a month, 6 in the first 30 days out:
 * P's participant was expected out on 1 February 2027 but released early, on 17 October 2026 (the
 * actual date, in force): 17 Oct – 15 Nov are raised, so October's target is (16 × 4 + 15 × 6) / 31
 * = 5 and November's (15 × 6 + 15 × 4) / 30 = 5. P held 4 in October (short of 5) and 5 in November.
 * Q was on hold 1–15 October (resumed on the 16th): October's target is 4 × 16 / 31 = 2, a month
 * touched by a hold and counted apart; Q held 2 in October and 4 in November.
 */
async function world() {
  await setSetting(db, 'meetingsPerMonth', 4);
  await setSetting(db, 'justReleasedMeetingsPerMonth', 6);
  const coordinator = await createUser(db, { role: 'COORDINATOR' });
  const released = await createParticipant(db, { referrerId: coordinator.id, status: 'MATCHED', expectedReleaseDate: '2027-02-01' });
  await db.participant.update({ where: { id: released.id }, data: { actualReleaseDate: '2026-10-17' } });
  const inside = await createParticipant(db, { referrerId: coordinator.id, status: 'MATCHED', expectedReleaseDate: '2027-06-01' });
  const p = await createPair(db, {
    participantId: released.id,
    volunteerId: (await createVolunteer(db, { status: 'READY' })).id,
    startDate: '2026-09-01',
  });
  const q = await createPair(db, {
    participantId: inside.id,
    volunteerId: (await createVolunteer(db, { status: 'READY' })).id,
    startDate: '2026-09-01',
  });
  await db.pairHold.create({ data: { pairId: q.id, reason: 'TREATMENT', fromDate: '2026-10-01', untilDate: '2026-10-16' } });
  const held = async (pairId: string, dates: string[]) => {
    for (const date of dates) await createMeeting(db, { pairId, startsAt: osloInstant(date, '17:00'), log: { outcome: 'HELD' } });
  };
  await held(p.id, [
    '2026-10-19',
    '2026-10-21',
    '2026-10-26',
    '2026-10-28',
    '2026-11-02',
    '2026-11-04',
    '2026-11-09',
    '2026-11-11',
    '2026-11-16',
  ]);
  await held(q.id, ['2026-10-20', '2026-10-27', '2026-11-03', '2026-11-10', '2026-11-17', '2026-11-24']);
  return { coordinator: { id: coordinator.id, role: 'COORDINATOR' as const }, p, q };
}

describe('one monthly target behind every "held against target"', () => {
  it('pins the trends and the pair-months at target to the raised target after release and the holds', async () => {
    await world();
    const trends = await monthlyTrends(4, NOW);
    expect(trends).toEqual([
      { month: '2026-09', activePairs: 2, held: 0, target: 8 },
      { month: '2026-10', activePairs: 2, held: 6, target: 7 },
      { month: '2026-11', activePairs: 2, held: 9, target: 9 },
      { month: '2026-12', activePairs: 2, held: 0, target: 8 },
    ]);
    // September: both missed. October: P short (4 of 5), Q apart (on hold). November: both on target.
    expect(await pairMonthsOnTarget(db, null, NOW)).toEqual({ pairMonths: 5, onTarget: 2, share: 0.4 });
    // The monthly compliance summary judges October the same way.
    expect(await pairsOnTargetInMonth(db, '2026-10')).toEqual({ month: '2026-10', pairs: 1, onTarget: 0, onHold: 1 });
  });

  it("agrees with the pair-month verdict this month, and 'plan this month' proposes towards the same target", async () => {
    const { coordinator, p, q } = await world();
    // Judged in November, the dashboard's figure, the pairs' months and the trend give one target.
    const november = new Date('2026-11-20T09:00:00Z');
    setClock(november);
    const months = await pairMonths(db, november);
    const targets = Object.fromEntries(months.map((month) => [month.id, month.target]));
    expect(targets).toEqual({ [p.id]: 5, [q.id]: 4 });
    expect((await meetingsThisMonth(db, november)).target).toBe(9);
    expect((await monthlyTrends(1, november))[0]).toMatchObject({ month: '2026-11', target: 9 });
    const plan = await monthProposals(null, coordinator, p.id, null, november);
    expect(plan.target).toBe(5);
  });

  it("gives the funder report's target per pair-month from the same monthly targets", async () => {
    await world();
    // Judged on 1 November: September 8 + October 7 (P raised to 5, Q on hold to 2) + nothing of
    // November yet, over 2 × 62 days = 4.07 pair-months: 3.7, not the setting's 4.
    const november = osloInstant('2026-11-01', '10:00');
    setClock(november);
    const figures = new Map((await funderReportView(parsePeriod('2026-H2')!, november)).data.map((m) => [m.key, m.value]));
    expect(figures.get('meetingTarget')).toBe(3.7);
  });
});
