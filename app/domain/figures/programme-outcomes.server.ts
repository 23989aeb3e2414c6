/**
 * The remaining outcome measures of #22 item 5 (decision 022), one function per figure
 * (decision 009): release figures, Er-Vil-Kan life-area change, volunteers' days to ready and
 * hours given, and the cost per pair. Each takes a period (or null for all time) and `now`.
 */
import type { Tx } from '~/lib/db.server';
import { currentTime } from '~/lib/clock';
import { releaseDateInForce } from '~/domain/participants/release-date';
import { isReviewStatus } from '~/domain/plans/progress';
import type { ReviewStatus } from '~/domain/plans/areas';
import { daysBetween, halfYearOfDate, osloDate, todayInOslo, type HalfYearKey } from '~/lib/time';
import type { FigurePeriod } from './figures.server';
import { median } from './survival';

type Period = Pick<FigurePeriod, 'start' | 'end' | 'firstDay' | 'lastDay'> | null;

/** At least this many held prison visits before release count as a relationship built inside. */
export const PRISON_MEETINGS_BEFORE_RELEASE = 3;

export interface ReleaseFigures {
  /** Participants released (release date in force in the period, and passed) while in a started pair. */
  released: number;
  /** Median days from the pair's start to the release date; null with none released. */
  medianDaysMatchedBeforeRelease: number | null;
  /** Of them, those whose pair held at least three prison visits before the release date. */
  withPrisonMeetings: number;
  share: number | null;
}

/**
 * Release figures: for each participant whose release date in force (releaseDateInForce) fell
 * in the period and has passed, the pair that had started by then and not ended before it:
 * the days it was matched before release, and whether it held three prison visits before.
 */
export async function releaseFigures(db: Tx, period: Period, now = currentTime()): Promise<ReleaseFigures> {
  const today = todayInOslo(now);
  const pairs = await db.pair.findMany({
    where: { status: { in: ['ACTIVE', 'ON_HOLD', 'ENDED'] }, startDate: { not: null } },
    select: {
      participantId: true,
      startDate: true,
      endDate: true,
      participant: { select: { earliestReleaseDate: true, expectedReleaseDate: true, actualReleaseDate: true } },
      meetings: { where: { status: 'HELD', placeType: 'PRISON_VISIT' }, select: { startsAt: true } },
    },
    orderBy: [{ startDate: 'asc' }, { id: 'asc' }],
  });
  const byParticipant = new Map<string, { days: number; prisonMeetings: number }>();
  for (const pair of pairs) {
    const release = releaseDateInForce(pair.participant);
    if (release > today) continue;
    if (period && (release < period.firstDay || release > period.lastDay)) continue;
    if (pair.startDate! > release || (pair.endDate !== null && pair.endDate < release)) continue;
    const prisonMeetings = pair.meetings.filter((meeting) => osloDate(meeting.startsAt) < release).length;
    // A participant is counted once: with the pair that had been matched longest by release.
    const previous = byParticipant.get(pair.participantId);
    const days = daysBetween(pair.startDate!, release);
    if (!previous || days > previous.days) byParticipant.set(pair.participantId, { days, prisonMeetings });
  }
  const released = [...byParticipant.values()];
  const withPrisonMeetings = released.filter((entry) => entry.prisonMeetings >= PRISON_MEETINGS_BEFORE_RELEASE).length;
  return {
    released: released.length,
    medianDaysMatchedBeforeRelease: median(released.map((entry) => entry.days)),
    withPrisonMeetings,
    share: released.length ? round3(withPrisonMeetings / released.length) : null,
  };
}

/** The order of progress on a life area; CHANGED and PAUSED are not on it. */
const PROGRESS_RANK: Partial<Record<ReviewStatus, number>> = { NOT_STARTED: 0, IN_PROGRESS: 1, ACHIEVED: 2 };

export interface PlanChange {
  /** Plans with at least two reviews, the last in the period. */
  plans: number;
  /** Life areas reviewed in two reviews or more with a status on the progress order both times. */
  areas: number;
  improved: number;
  unchanged: number;
  worse: number;
  /** Areas achieved at their last review. */
  achieved: number;
  improvedShare: number | null;
}

/**
 * Er-Vil-Kan life-area change from the first to the last review: for each area of a plan, its
 * status in the first review that names it against the last one that does (by review date,
 * then entry time). NOT_STARTED < IN_PROGRESS < ACHIEVED; an area that was or became CHANGED
 * or PAUSED is left out, as its goal is not the one first set.
 */
export async function planChange(db: Tx, period: Period): Promise<PlanChange> {
  const plans = await db.plan.findMany({
    where: { reviews: { some: period ? { reviewedOn: { gte: period.firstDay, lte: period.lastDay } } : {} } },
    select: {
      reviews: {
        select: { reviewedOn: true, createdAt: true, items: { select: { areaKey: true, status: true } } },
        orderBy: [{ reviewedOn: 'asc' }, { createdAt: 'asc' }, { id: 'asc' }],
      },
    },
  });
  const result = { plans: 0, areas: 0, improved: 0, unchanged: 0, worse: 0, achieved: 0 };
  for (const plan of plans) {
    if (plan.reviews.length < 2) continue;
    const last = plan.reviews[plan.reviews.length - 1]!;
    if (period && (last.reviewedOn < period.firstDay || last.reviewedOn > period.lastDay)) continue;
    result.plans += 1;
    const seen = new Map<string, { first: string; last: string; reviews: number }>();
    for (const review of plan.reviews) {
      for (const item of review.items) {
        if (!isReviewStatus(item.status)) continue;
        const entry = seen.get(item.areaKey);
        if (entry) seen.set(item.areaKey, { first: entry.first, last: item.status, reviews: entry.reviews + 1 });
        else seen.set(item.areaKey, { first: item.status, last: item.status, reviews: 1 });
      }
    }
    for (const entry of seen.values()) {
      const from = PROGRESS_RANK[entry.first as ReviewStatus];
      const to = PROGRESS_RANK[entry.last as ReviewStatus];
      if (entry.reviews < 2 || from === undefined || to === undefined) continue;
      result.areas += 1;
      if (to > from) result.improved += 1;
      else if (to === from) result.unchanged += 1;
      else result.worse += 1;
      if (entry.last === 'ACHIEVED') result.achieved += 1;
    }
  }
  return { ...result, improvedShare: result.areas ? round3(result.improved / result.areas) : null };
}

export interface VolunteerFigures {
  /** Volunteers who first became ready in the period. */
  becameReady: number;
  /** Median Oslo calendar days from their application to that day; null with none. */
  medianDaysToReady: number | null;
  /** Held meetings in the period, and the hours they took (the logged duration, else the planned one). */
  meetingsHeld: number;
  hoursGiven: number;
  /** Volunteers who held at least one of those meetings. */
  volunteersGiving: number;
}

/**
 * Volunteers' days from application to ready (the first time the readiness rule was met,
 * VolunteerProfile.readyAt) and the hours they gave in held meetings.
 */
export async function volunteerFigures(db: Tx, period: Period): Promise<VolunteerFigures> {
  // Counted in the database: at national scale the held meetings are ~130,000 rows, too many to
  // read into a server whose heap is capped at 128 MB (bench, --db postgres).
  const held = { status: 'HELD', ...(period ? { startsAt: { gte: period.start, lt: period.end } } : {}) };
  const [ready, meetingsHeld, unloggedMinutes, loggedMinutes, volunteers] = await Promise.all([
    db.volunteerProfile.findMany({
      where: { readyAt: period ? { gte: period.start, lt: period.end } : { not: null } },
      select: { createdAt: true, readyAt: true },
    }),
    db.meeting.count({ where: held }),
    // A meeting's minutes are its log's, or the planned ones where the log has none (or there is no log).
    db.meeting.aggregate({ where: { ...held, OR: [{ log: null }, { log: { durationMinutes: null } }] }, _sum: { durationMinutes: true } }),
    db.meetingLog.aggregate({ where: { meeting: held, durationMinutes: { not: null } }, _sum: { durationMinutes: true } }),
    db.pair.findMany({ where: { meetings: { some: held } }, select: { volunteerId: true }, distinct: ['volunteerId'] }),
  ]);
  const minutes = (unloggedMinutes._sum.durationMinutes ?? 0) + (loggedMinutes._sum.durationMinutes ?? 0);
  return {
    becameReady: ready.length,
    medianDaysToReady: median(
      ready.map((volunteer) => Math.max(0, daysBetween(osloDate(volunteer.createdAt), osloDate(volunteer.readyAt!)))),
    ),
    meetingsHeld,
    hoursGiven: Math.round((minutes / 60) * 10) / 10,
    volunteersGiving: volunteers.length,
  };
}

export interface CostPerPair {
  /** The half-years whose costs are counted, and their sum in øre. */
  halfYears: HalfYearKey[];
  totalOre: number;
  /** Pairs active on at least one day of the period (that had started by today). */
  activePairs: number;
  /** Pairs that ended as planned in the period. */
  completedPairs: number;
  /** In øre, rounded to whole kroner; null without costs or without pairs. */
  perActivePairOre: number | null;
  perCompletedPairOre: number | null;
}

/**
 * The cost per active and per completed pair: the costs recorded for the period's half-years
 * (both of a year; every one for all time) over the pairs active in the period and the pairs
 * that ended as planned in it.
 */
export async function costPerPair(db: Tx, period: Period, now = currentTime()): Promise<CostPerPair> {
  const today = todayInOslo(now);
  const halfYears = period ? [...new Set([halfYearOfDate(period.firstDay), halfYearOfDate(period.lastDay)])] : null;
  const lastDay = period && period.lastDay < today ? period.lastDay : today;
  const [costs, activePairs, completedPairs] = await Promise.all([
    db.programmeCost.findMany({ where: halfYears ? { halfYear: { in: halfYears } } : {}, select: { halfYear: true, amountOre: true } }),
    db.pair.count({
      where: {
        status: { in: ['ACTIVE', 'ON_HOLD', 'ENDED'] },
        startDate: { not: null, lte: lastDay },
        ...(period ? { OR: [{ endDate: null }, { endDate: { gte: period.firstDay } }] } : {}),
      },
    }),
    db.pair.count({
      where: { status: 'ENDED', endType: 'PLANNED', ...(period ? { endedAt: { gte: period.start, lt: period.end } } : {}) },
    }),
  ]);
  const totalOre = costs.reduce((sum, cost) => sum + cost.amountOre, 0);
  const per = (pairs: number) => (totalOre > 0 && pairs > 0 ? Math.round(totalOre / pairs / 100) * 100 : null);
  return {
    halfYears: halfYears ?? [...new Set(costs.map((cost) => cost.halfYear))].sort(),
    totalOre,
    activePairs,
    completedPairs,
    perActivePairOre: per(activePairs),
    perCompletedPairOre: per(completedPairs),
  };
}

function round3(value: number): number {
  return Math.round(value * 1000) / 1000;
}
