/**
 * Outcome measures (#22 item 5), one function per figure (decision 009, record 018). Each takes
 * a period (or null for all time) and `now`; a cohort is the pairs that became active in the
 * period (all pairs for all time), judged with what is known today.
 */
import { serviceFigures, type ServiceFigures } from './services.server';
import type { Tx } from '~/lib/db.server';
import { db as client } from '~/lib/db.server';
import { currentTime } from '~/lib/clock';
import { STARTED_PAIR_STATUSES } from '~/lib/permissions.server';
import { closedMonthVerdict } from '~/domain/pairs/pair-month';
import { activeDaysInMonth, pairMonthTarget } from '~/domain/meetings/target';
import { pairsForTarget, RELEASE_FIELDS, targetRates } from '~/domain/meetings/target.server';
import { addMonths, daysBetween, monthOf, osloDate, osloInstant, todayInOslo, type MonthKey } from '~/lib/time';
import type { FigurePeriod } from './figures.server';
import {
  costPerPair,
  planChange,
  releaseFigures,
  volunteerFigures,
  type CostPerPair,
  type PlanChange,
  type ReleaseFigures,
  type VolunteerFigures,
} from './programme-outcomes.server';
import { kaplanMeier, median, medianSurvival, survivalAt, SIX_MONTHS_DAYS, TWELVE_MONTHS_DAYS, type SurvivalStep } from './survival';

type Period = Pick<FigurePeriod, 'start' | 'end' | 'firstDay' | 'lastDay'> | null;

function activatedIn(period: Period) {
  return period ? { activatedAt: { gte: period.start, lt: period.end } } : { activatedAt: { not: null } };
}

/** Started pairs of the cohort with their dates. */
async function cohort(db: Tx, period: Period) {
  return db.pair.findMany({
    where: { status: { in: ['ACTIVE', 'ENDED'] }, startDate: { not: null }, ...activatedIn(period) },
    select: { id: true, status: true, startDate: true, endDate: true, participantId: true },
  });
}

export interface MatchDuration {
  pairs: number;
  ended: number;
  /** Days by which half the pairs had ended (Kaplan–Meier), null while more than half go on. */
  medianDays: number | null;
  reaching6Months: number;
  reaching12Months: number;
  curve: SurvivalStep[];
}

/** How long matches last: a survival curve over ended pairs and ongoing ones (censored today). */
export async function matchDuration(db: Tx, period: Period, now = currentTime()): Promise<MatchDuration> {
  const today = todayInOslo(now);
  const pairs = await cohort(db, period);
  const spells = pairs.map((pair) => {
    const ended = pair.status === 'ENDED' && pair.endDate !== null;
    const last = ended ? pair.endDate! : today;
    return { days: Math.max(0, daysBetween(pair.startDate!, last)), ended };
  });
  const curve = kaplanMeier(spells);
  return {
    pairs: spells.length,
    ended: spells.filter((spell) => spell.ended).length,
    medianDays: medianSurvival(curve),
    reaching6Months: round3(survivalAt(curve, SIX_MONTHS_DAYS)),
    reaching12Months: round3(survivalAt(curve, TWELVE_MONTHS_DAYS)),
    curve: curve.map((step) => ({ ...step, surviving: round3(step.surviving) })),
  };
}

export interface EarlyClosures {
  /** Pairs that ended (in the period) unplanned, before six months. */
  count: number;
  ended: number;
  reasons: { reason: string; count: number }[];
}

/** Early closures: pairs that ended unplanned within six months of their start, by reason. */
export async function earlyClosures(db: Tx, period: Period): Promise<EarlyClosures> {
  const ended = await db.pair.findMany({
    where: {
      status: 'ENDED',
      startDate: { not: null },
      endDate: { not: null },
      ...(period ? { endedAt: { gte: period.start, lt: period.end } } : {}),
    },
    select: { startDate: true, endDate: true, endType: true, endReason: true },
  });
  const early = ended.filter((pair) => pair.endType === 'UNPLANNED' && pair.endDate! < addMonths(pair.startDate!, 6));
  const byReason = new Map<string, number>();
  for (const pair of early) byReason.set(pair.endReason ?? 'OTHER', (byReason.get(pair.endReason ?? 'OTHER') ?? 0) + 1);
  return {
    count: early.length,
    ended: ended.length,
    reasons: [...byReason]
      .map(([reason, count]) => ({ reason, count }))
      .sort((a, b) => b.count - a.count || a.reason.localeCompare(b.reason)),
  };
}

/** Below the parameter limits of both databases (the bench's batches of 500 ids). */
const PAIRS_PER_READ = 200;

/**
 * Pair-months (whole months over, in the period) at or above the prorated target: each judged by
 * closedMonthVerdict, as the monthly compliance summary judges its month (a month touched by a
 * hold is not counted, the first 30 days out raise the target).
 */
export async function pairMonthsOnTarget(
  db: Tx,
  period: Period,
  now = currentTime(),
): Promise<{ pairMonths: number; onTarget: number; share: number }> {
  const currentMonth = monthOf(now);
  const [rates, found] = await Promise.all([
    targetRates(db),
    db.pair.findMany({
      where: { status: { in: [...STARTED_PAIR_STATUSES] }, startDate: { not: null } },
      select: { id: true, startDate: true, endDate: true, participant: { select: RELEASE_FIELDS } },
    }),
  ]);
  // Held meetings per pair and Oslo month, read PAIRS_PER_READ pairs at a time: all of them at
  // once (~130,000 at national scale) filled most of a 128 MB heap.
  const heldIn = new Map<string, Map<MonthKey, number>>();
  for (let i = 0; i < found.length; i += PAIRS_PER_READ) {
    const meetings = await db.meeting.findMany({
      where: { status: 'HELD', pairId: { in: found.slice(i, i + PAIRS_PER_READ).map((pair) => pair.id) } },
      select: { pairId: true, startsAt: true },
    });
    for (const meeting of meetings) {
      const months = heldIn.get(meeting.pairId) ?? new Map<MonthKey, number>();
      const month = monthOf(meeting.startsAt);
      months.set(month, (months.get(month) ?? 0) + 1);
      heldIn.set(meeting.pairId, months);
    }
  }
  let pairMonths = 0;
  let onTarget = 0;
  for (const pair of await pairsForTarget(db, found)) {
    const last = pair.endDate ?? todayInOslo(now);
    for (let month = pair.forTarget.startDate.slice(0, 7); month <= last.slice(0, 7) && month < currentMonth; month = nextMonth(month)) {
      if (period && (`${month}-01` > period.lastDay || `${month}-31` < period.firstDay)) continue;
      const held = heldIn.get(pair.id)?.get(month) ?? 0;
      const verdict = closedMonthVerdict(rates, pair.forTarget, month, held);
      if (!verdict.counted) continue;
      pairMonths += 1;
      if (verdict.onTarget) onTarget += 1;
    }
  }
  return { pairMonths, onTarget, share: pairMonths ? round3(onTarget / pairMonths) : 0 };
}

function nextMonth(month: MonthKey): MonthKey {
  return addMonths(`${month}-01`, 1).slice(0, 7);
}

/**
 * Support fidelity over the cohort: the share of pairs with at least two held support contacts in
 * their first month, and the share of later whole months (over by today) with at least one.
 */
export async function supportFidelity(db: Tx, period: Period, now = currentTime()) {
  const today = todayInOslo(now);
  const pairs = await db.pair.findMany({
    where: { status: { in: ['ACTIVE', 'ENDED'] }, startDate: { not: null }, ...activatedIn(period) },
    select: { startDate: true, endDate: true, supportContacts: { where: { heldOn: { not: null } }, select: { heldOn: true } } },
  });
  let firstMonthPairs = 0;
  let firstMonthMet = 0;
  let laterMonths = 0;
  let laterMet = 0;
  for (const pair of pairs) {
    const last = pair.endDate && pair.endDate < today ? pair.endDate : today;
    const held = pair.supportContacts.map((contact) => contact.heldOn!);
    const within = (from: string, to: string) => held.filter((day) => day >= from && day < to).length;
    if (addMonths(pair.startDate!, 1) <= last) {
      firstMonthPairs += 1;
      if (within(pair.startDate!, addMonths(pair.startDate!, 1)) >= 2) firstMonthMet += 1;
    }
    for (let k = 1; addMonths(pair.startDate!, k + 1) <= last; k++) {
      laterMonths += 1;
      if (within(addMonths(pair.startDate!, k), addMonths(pair.startDate!, k + 1)) >= 1) laterMet += 1;
    }
  }
  return {
    firstMonthPairs,
    firstMonthMet,
    firstMonthShare: firstMonthPairs ? round3(firstMonthMet / firstMonthPairs) : 0,
    laterMonths,
    laterMet,
    laterShare: laterMonths ? round3(laterMet / laterMonths) : 0,
  };
}

/** Median days from referral to the decision (referrals decided in the period) and to the match (pairs of the cohort). */
export async function referralLeadTimes(db: Tx, period: Period) {
  const [decided, pairs] = await Promise.all([
    db.referral.findMany({
      where: { decidedAt: period ? { gte: period.start, lt: period.end } : { not: null } },
      select: { referralDate: true, decidedAt: true },
    }),
    db.pair.findMany({
      where: { status: { in: ['ACTIVE', 'ENDED'] }, startDate: { not: null }, ...activatedIn(period) },
      select: {
        startDate: true,
        participant: { select: { referrals: { select: { referralDate: true }, orderBy: { referralDate: 'asc' }, take: 1 } } },
      },
    }),
  ]);
  const toDecision = decided.map((referral) => daysBetween(referral.referralDate, osloDate(referral.decidedAt!)));
  const toMatch = pairs.flatMap((pair) => {
    const first = pair.participant.referrals[0];
    return first ? [daysBetween(first.referralDate, pair.startDate!)] : [];
  });
  return { decisions: toDecision.length, medianToDecision: median(toDecision), matches: toMatch.length, medianToMatch: median(toMatch) };
}

export interface OutcomeMeasures {
  duration: MatchDuration;
  closures: EarlyClosures;
  onTarget: Awaited<ReturnType<typeof pairMonthsOnTarget>>;
  fidelity: Awaited<ReturnType<typeof supportFidelity>>;
  leadTimes: Awaited<ReturnType<typeof referralLeadTimes>>;
  release: ReleaseFigures;
  plans: PlanChange;
  volunteers: VolunteerFigures;
  cost: CostPerPair;
  /** -- services (#21): the services tracker's figures. */
  services: ServiceFigures;
}

/** Every outcome measure of a period, or of all time (null). */
export async function outcomeMeasures(period: Period, now = currentTime(), db: Tx = client): Promise<OutcomeMeasures> {
  const [duration, closures, onTarget, fidelity, leadTimes, release, plans, volunteers, cost, services] = await Promise.all([
    matchDuration(db, period, now),
    earlyClosures(db, period),
    pairMonthsOnTarget(db, period, now),
    supportFidelity(db, period, now),
    referralLeadTimes(db, period),
    releaseFigures(db, period, now),
    planChange(db, period),
    volunteerFigures(db, period),
    costPerPair(db, period, now),
    serviceFigures(db, period, now),
  ]);
  return { duration, closures, onTarget, fidelity, leadTimes, release, plans, volunteers, cost, services };
}

export interface TrendMonth {
  month: MonthKey;
  /** Pairs active (started, not ended, not on hold) on at least one day of the month. */
  activePairs: number;
  held: number;
  /** The pairs' (prorated) targets added up. */
  target: number;
}

/**
 * Meetings held against the target, and active pairs, for each of the last `count` months (this
 * one so far included). The target is each pair's pairMonthTarget, as in the pair-month verdict:
 * days on hold carry none, the first 30 days out are raised.
 */
export async function monthlyTrends(count = 12, now = currentTime(), db: Tx = client): Promise<TrendMonth[]> {
  const months: MonthKey[] = [];
  for (let month = monthOf(now), i = 0; i < count; i++, month = addMonths(`${month}-01`, -1).slice(0, 7)) months.unshift(month);
  const [rates, found] = await Promise.all([
    targetRates(db),
    db.pair.findMany({
      where: { status: { in: [...STARTED_PAIR_STATUSES] }, startDate: { not: null, lte: todayInOslo(now) } },
      // Only the months counted: at national scale all held meetings are ~130,000 rows per view.
      select: {
        id: true,
        startDate: true,
        endDate: true,
        participant: { select: RELEASE_FIELDS },
        meetings: { where: { status: 'HELD', startsAt: { gte: osloInstant(`${months[0]!}-01`, '00:00') } }, select: { startsAt: true } },
      },
    }),
  ]);
  const pairs = await pairsForTarget(db, found);
  return months.map((month) => {
    const active = pairs.filter(({ forTarget }) => activeDaysInMonth(month, forTarget.startDate, forTarget.endDate, forTarget.holds) > 0);
    return {
      month,
      activePairs: active.length,
      held: active.reduce((sum, pair) => sum + pair.meetings.filter((meeting) => monthOf(meeting.startsAt) === month).length, 0),
      target: active.reduce((sum, pair) => sum + pairMonthTarget(rates, pair.forTarget, month), 0),
    };
  });
}

function round3(value: number): number {
  return Math.round(value * 1000) / 1000;
}
