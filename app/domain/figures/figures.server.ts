/**
 * One function per figure. The dashboard, /reports (page, CSV and workbook), the weekly digest,
 * the monthly compliance summary and the half-year status email all read their figures here,
 * so the same question gets the same answer everywhere. Two kinds of figure:
 * - "now" figures (this month's meetings, pairs active today) judged at an instant;
 * - period figures (accepted participants, ready volunteers, new pairs, meetings per pair-month)
 *   counted over a period: a half-year on the dashboard, the chosen period on /reports.
 * Where the dashboard and a report differ, it is because one shows now and the other a period;
 * the pages say so next to the figure.
 */
import { RUNNING_PAIR_STATUSES, STARTED_PAIR_STATUSES } from '~/lib/permissions.server';
import { z } from 'zod';
import { Prisma } from '~/generated/prisma/client';
import type { Tx } from '~/lib/db.server';
import { queryOne, queryRows, sqlCount } from '~/lib/sql.server';
import { OPEN_PAIR_STATUSES } from '~/domain/volunteers/capacity';
import { freePlacesTotal } from '~/domain/volunteers/free-places.server';
import { getSetting } from '~/domain/settings/settings.server';
import { pairMonths, type PairMonth } from '~/domain/pairs/pair-month.server';
import { parsePeriod } from './period';
import { elapsedShare, project, type Projection } from '~/domain/recruitment/progress';
import { targetsFor } from '~/domain/recruitment/targets.server';
import {
  daysBetween,
  halfYearOf,
  monthOf,
  monthRange,
  shiftMonth,
  todayInOslo,
  type HalfYearKey,
  type IsoDate,
  type MonthKey,
} from '~/lib/time';
import { closedMonthVerdict, pairMonthVerdict, type Health } from '~/domain/pairs/pair-month';
import { pairMonthTarget } from '~/domain/meetings/target';
import { pairsForTarget, RELEASE_FIELDS, targetRates } from '~/domain/meetings/target.server';

/** A span of time in Oslo: instants for timestamps, calendar days for date columns. */
export interface FigurePeriod {
  start: Date;
  end: Date;
  firstDay: IsoDate;
  lastDay: IsoDate;
}

export function halfYearPeriod(halfYear: HalfYearKey): FigurePeriod {
  return parsePeriod(halfYear)!;
}

// ---------------------------------------------------------------------------------------------
// This month's meetings (now)

export interface MonthFigures {
  month: MonthKey;
  /** Active pairs. */
  pairs: number;
  /** Meetings held this month so far. */
  held: number;
  /** Meetings expected by today: each pair's target × the share of its month already over (whole meetings). */
  expectedByToday: number;
  /** The month's (prorated) targets added up. */
  target: number;
  /** Pairs with fewer meetings held than expected by today. */
  behind: number;
  health: Record<Health, number>;
  openConcerns: number;
}

/** This month's meeting figures over the active pairs' months (from pairMonths). */
export function monthFigures(months: readonly PairMonth[], now: Date): MonthFigures {
  const health = { GREEN: 0, AMBER: 0, RED: 0 };
  for (const pair of months) health[pair.health] += 1;
  const sum = (pick: (pair: PairMonth) => number) => months.reduce((total, pair) => total + pick(pair), 0);
  return {
    month: monthOf(now),
    pairs: months.length,
    held: sum((pair) => pair.held),
    expectedByToday: sum((pair) => pair.expected),
    target: sum((pair) => pair.target),
    behind: months.filter((pair) => pair.behind).length,
    health,
    openConcerns: sum((pair) => pair.openConcerns),
  };
}

/** Meetings held this month, expected by today and the target, over every active pair. */
export async function meetingsThisMonth(db: Tx, now: Date): Promise<MonthFigures> {
  return monthFigures(await pairMonths(db, now), now);
}

// ---------------------------------------------------------------------------------------------
// A closed month (the monthly compliance summary)

/** Pairs that had begun before `end` and had not ended before `start`: those a target applies to in between. */
function startedPairsDuring(start: Date, end: Date): Prisma.PairWhereInput {
  return {
    status: { in: [...STARTED_PAIR_STATUSES] },
    startDate: { not: null },
    activatedAt: { lt: end },
    OR: [{ endedAt: null }, { endedAt: { gte: start } }],
  };
}

/**
 * The pairs active in `month` (Oslo) and how many reached their whole (prorated) target, judged
 * by closedMonthVerdict: a month (partly) on hold is counted apart, never as missed.
 */
export async function pairsOnTargetInMonth(
  db: Tx,
  month: MonthKey,
): Promise<{ month: MonthKey; pairs: number; onTarget: number; onHold: number }> {
  const { start, end } = monthRange(month);
  const [rates, found] = await Promise.all([
    targetRates(db),
    db.pair.findMany({
      where: startedPairsDuring(start, end),
      select: {
        id: true,
        startDate: true,
        endDate: true,
        participant: { select: RELEASE_FIELDS },
        _count: { select: { meetings: { where: { status: 'HELD', startsAt: { gte: start, lt: end } } } } },
      },
    }),
  ]);
  const verdicts = (await pairsForTarget(db, found)).map((pair) => closedMonthVerdict(rates, pair.forTarget, month, pair._count.meetings));
  return {
    month,
    pairs: verdicts.filter((verdict) => verdict.counted).length,
    onTarget: verdicts.filter((verdict) => verdict.onTarget).length,
    onHold: verdicts.filter((verdict) => verdict.onHold).length,
  };
}

// ---------------------------------------------------------------------------------------------
// New pairs and re-matches (period)

export interface NewPairs {
  /** Pairs that became active in the period for a participant's first pair. */
  firstPairs: number;
  /** Pairs that became active in the period for a participant who already had an active or ended pair. */
  rematches: number;
  /** Whether re-matches count as new pairs (the countRematchesAsNewPairs setting). */
  rematchesCount: boolean;
  /** New pairs towards the target: first pairs, plus re-matches if the setting says so. */
  counted: number;
}

/** A re-match: an earlier pair of the same participant had become active before this one. */
const IS_REMATCH = Prisma.sql`EXISTS (SELECT 1 FROM "Pair" q WHERE q."participantId" = p."participantId" AND q."id" <> p."id"
  AND q."activatedAt" IS NOT NULL AND (q."activatedAt" < p."activatedAt" OR (q."activatedAt" = p."activatedAt" AND q."id" < p."id")))`;

/** New pairs of a period: pairs that became ACTIVE within it (Oslo time), whatever they are now. */
export async function newPairs(db: Tx, period: Pick<FigurePeriod, 'start' | 'end'>, rematchesCount?: boolean): Promise<NewPairs> {
  const [setting, row] = await Promise.all([
    rematchesCount ?? getSetting(db, 'countRematchesAsNewPairs'),
    queryOne(
      db,
      z.object({ total: sqlCount, rematches: sqlCount }),
      Prisma.sql`
        SELECT COUNT(*) AS "total", SUM(CASE WHEN ${IS_REMATCH} THEN 1 ELSE 0 END) AS "rematches"
        FROM "Pair" p WHERE p."activatedAt" >= ${period.start} AND p."activatedAt" < ${period.end}`,
    ),
  ]);
  const rematches = row.rematches;
  const firstPairs = row.total - rematches;
  return { firstPairs, rematches, rematchesCount: setting, counted: firstPairs + (setting ? rematches : 0) };
}

// ---------------------------------------------------------------------------------------------
// Participants and volunteers (period)

/** Referrals with a referral date in the period. */
export async function referredParticipants(db: Tx, period: FigurePeriod): Promise<number> {
  return db.referral.count({ where: { referralDate: { gte: period.firstDay, lte: period.lastDay } } });
}

/** Participants accepted in the period (each once, even if accepted again after a wait). */
export async function acceptedParticipants(db: Tx, period: FigurePeriod): Promise<number> {
  return distinctStatusChanges(db, period, 'ACCEPTED');
}

/** Participants whose stay in the programme was completed in the period. */
export async function completedParticipants(db: Tx, period: FigurePeriod): Promise<number> {
  return distinctStatusChanges(db, period, 'COMPLETED');
}

/** Participants who withdrew in the period. */
export async function withdrawnParticipants(db: Tx, period: FigurePeriod): Promise<number> {
  return distinctStatusChanges(db, period, 'WITHDRAWN');
}

/** A COUNT statement's one number. */
async function count(db: Tx, query: Prisma.Sql): Promise<number> {
  return (await queryOne(db, z.object({ count: sqlCount }), query)).count;
}

async function distinctStatusChanges(db: Tx, period: FigurePeriod, toStatus: string): Promise<number> {
  return count(
    db,
    Prisma.sql`SELECT COUNT(DISTINCT "participantId") AS "count" FROM "ParticipantStatusChange"
      WHERE "toStatus" = ${toStatus} AND "createdAt" >= ${period.start} AND "createdAt" < ${period.end}`,
  );
}

/** Participants with a pair that became active in the period (a re-matched participant once). */
export async function matchedParticipants(db: Tx, period: FigurePeriod): Promise<number> {
  return count(
    db,
    Prisma.sql`SELECT COUNT(DISTINCT "participantId") AS "count" FROM "Pair" WHERE "activatedAt" >= ${period.start} AND "activatedAt" < ${period.end}`,
  );
}

/** Participants with an active pair right now (a "now" figure, not a period's). */
export async function participantsActiveNow(db: Tx): Promise<number> {
  return count(
    db,
    Prisma.sql`SELECT COUNT(DISTINCT "participantId") AS "count" FROM "Pair" WHERE "status" IN (${Prisma.join(RUNNING_PAIR_STATUSES)})`,
  );
}

/** Volunteers who applied in the period. */
export async function appliedVolunteers(db: Tx, period: FigurePeriod): Promise<number> {
  return db.volunteerProfile.count({ where: { createdAt: { gte: period.start, lt: period.end } } });
}

/**
 * Volunteers who became ready (matchable) in the period and are still ready: a volunteer who
 * paused or left since is counted where that happened instead.
 */
export async function readyVolunteers(db: Tx, period: FigurePeriod): Promise<number> {
  return db.volunteerProfile.count({ where: { status: 'READY', stageChangedAt: { gte: period.start, lt: period.end } } });
}

/** Volunteers with a pair that became active in the period. */
export async function matchedVolunteers(db: Tx, period: FigurePeriod): Promise<number> {
  return count(
    db,
    Prisma.sql`SELECT COUNT(DISTINCT "volunteerId") AS "count" FROM "Pair" WHERE "activatedAt" >= ${period.start} AND "activatedAt" < ${period.end}`,
  );
}

// ---------------------------------------------------------------------------------------------
// Meetings per pair-month (period)

const DAYS_PER_MONTH = 365.25 / 12;

/** Pairs active at some point of a period (not merely proposed), as SQL over "Pair". */
export function activeInPeriodSql(period: Pick<FigurePeriod, 'start' | 'end'>): Prisma.Sql {
  return Prisma.sql`"activatedAt" < ${period.end} AND ("endedAt" IS NULL OR "endedAt" >= ${period.start}) AND "status" <> 'PROPOSED'`;
}

const pairsByDatesRow = z.object({ startDate: z.string().nullable(), endDate: z.string().nullable(), pairs: sqlCount });

/** The pairs active in a period, grouped by their start and end dates: far fewer rows than pairs. */
export function activePairsByDates(db: Tx, period: Pick<FigurePeriod, 'start' | 'end'>) {
  return queryRows(
    db,
    pairsByDatesRow,
    Prisma.sql`SELECT "startDate", "endDate", COUNT(*) AS "pairs" FROM "Pair" WHERE ${activeInPeriodSql(period)} GROUP BY "startDate", "endDate"`,
  );
}

/**
 * Meetings held per pair-month in a period: held meetings over the months (days / 30.44) each
 * pair was active in the period up to today. One decimal.
 */
export async function meetingsPerPairMonth(
  db: Tx,
  period: FigurePeriod,
  now: Date,
): Promise<{ held: number; pairMonths: number; perPairMonth: number; exactPairMonths: number }> {
  const today = todayInOslo(now);
  const lastDay = period.lastDay < today ? period.lastDay : today;
  const [groups, held] = await Promise.all([
    activePairsByDates(db, period),
    db.meeting.count({ where: { status: 'HELD', startsAt: { gte: period.start, lt: period.end } } }),
  ]);
  let activeDays = 0;
  for (const group of groups) {
    if (!group.startDate) continue;
    const from = group.startDate > period.firstDay ? group.startDate : period.firstDay;
    const to = group.endDate && group.endDate < lastDay ? group.endDate : lastDay;
    if (to >= from) activeDays += (daysBetween(from, to) + 1) * group.pairs;
  }
  const months = activeDays / DAYS_PER_MONTH;
  return {
    held,
    pairMonths: Math.round(months * 10) / 10,
    perPairMonth: months > 0 ? Math.round((held / months) * 10) / 10 : 0,
    // Unrounded, for a figure over the same pair-months (meetingTargetPerPairMonth).
    exactPairMonths: months,
  };
}

/**
 * The meeting target of a period per pair-month, beside meetingsPerPairMonth: every started pair's
 * pairMonthTarget for each month of the period (holds carry none, the first 30 days out are
 * raised), this month only what is expected by today (as the pair-month verdict expects it),
 * over the same pair-months. One decimal; the meetingsPerMonth setting when there are none.
 */
export async function meetingTargetPerPairMonth(db: Tx, period: FigurePeriod, now: Date, pairMonths: number): Promise<number> {
  const [rates, found] = await Promise.all([
    targetRates(db),
    db.pair.findMany({
      where: startedPairsDuring(period.start, period.end),
      select: { id: true, startDate: true, endDate: true, participant: { select: RELEASE_FIELDS } },
    }),
  ]);
  if (pairMonths <= 0) return rates.perMonth;
  const currentMonth = monthOf(now);
  const months: MonthKey[] = [];
  for (
    let month = period.firstDay.slice(0, 7);
    month <= period.lastDay.slice(0, 7) && month <= currentMonth;
    month = shiftMonth(month, 1)
  ) {
    months.push(month);
  }
  let expected = 0;
  for (const { forTarget } of await pairsForTarget(db, found)) {
    for (const month of months) {
      expected +=
        month < currentMonth
          ? pairMonthTarget(rates, forTarget, month)
          : pairMonthVerdict({ ...forTarget, now, month, rates, held: 0 }).expected;
    }
  }
  return Math.round((expected / pairMonths) * 10) / 10;
}

// ---------------------------------------------------------------------------------------------
// The half-year against its target (now)

/** Accepted participants without a pair in progress (active or proposed). */
export function participantsWaiting(db: Tx): Promise<number> {
  return db.participant.count({ where: { status: 'ACCEPTED', pairs: { none: { status: { in: [...OPEN_PAIR_STATUSES] } } } } });
}

export interface HalfYearVerdict {
  halfYear: HalfYearKey;
  newPairs: NewPairs;
  projection: Projection;
  waitingParticipants: number;
  freeVolunteerPlaces: number;
}

/**
 * Whether the half-year is on track at `now`: the new pairs so far (re-matches per the setting)
 * against target × the elapsed share of the half-year. The dashboard shows it and the half-year
 * status email states it.
 */
export async function halfYearOnTrack(db: Tx, now: Date): Promise<HalfYearVerdict> {
  const halfYear = halfYearOf(now);
  const [pairs, targets, waitingParticipants, places] = await Promise.all([
    newPairs(db, halfYearPeriod(halfYear)),
    targetsFor(halfYear, db),
    participantsWaiting(db),
    freePlacesTotal(db),
  ]);
  const projection = project({
    target: targets.newPairs,
    actual: pairs.counted,
    share: elapsedShare(halfYear, now),
    waitingParticipants,
    freeVolunteerPlaces: places,
  });
  return { halfYear, newPairs: pairs, projection, waitingParticipants, freeVolunteerPlaces: places };
}
