import { Prisma } from '~/generated/prisma/client';
import type { Db } from '~/lib/db.server';
import { cachedView } from '~/lib/view-snapshot.server';
import { getSetting } from '~/domain/settings/settings.server';
import { addMonths, daysBetween, todayInOslo } from '~/lib/time';
import type { ReportPeriod } from './period';
import type { ReportMetric, ReportSection } from './sections';
import { currentTime } from '~/lib/clock';

const DAYS_PER_MONTH = 365.25 / 12;

function round1(value: number): number {
  return Math.round(value * 10) / 10;
}

function average(sum: number, count: number): number {
  return count === 0 ? 0 : round1(sum / count);
}

/**
 * The funder report for a period. Every figure is counted in Oslo time from the records'
 * own dates (referral date, status changes, pair start and end, meeting start).
 */
export async function funderReport(db: Db, period: ReportPeriod, now = currentTime()): Promise<ReportMetric[]> {
  const { start, end, firstDay, lastDay } = period;
  const today = todayInOslo(now);
  const periodLastDay = lastDay < today ? lastDay : today;

  const activeInPeriod = Prisma.sql`"activatedAt" < ${end} AND ("endedAt" IS NULL OR "endedAt" >= ${start}) AND "status" <> 'PROPOSED'`;
  // One round trip for the counts: each Prisma query costs about a millisecond of CPU.
  const [[counts], activePairs, meetingsByStatus, heldMinutes, meetingsPerMonth] = await Promise.all([
    db.$queryRaw<Record<string, unknown>[]>`
      SELECT
        (SELECT COUNT(*) FROM "Referral" WHERE "referralDate" >= ${firstDay} AND "referralDate" <= ${lastDay}) AS "referred",
        (SELECT COUNT(*) FROM "ParticipantStatusChange" WHERE "toStatus" = 'ACCEPTED' AND "createdAt" >= ${start} AND "createdAt" < ${end}) AS "accepted",
        (SELECT COUNT(*) FROM "ParticipantStatusChange" WHERE "toStatus" = 'COMPLETED' AND "createdAt" >= ${start} AND "createdAt" < ${end}) AS "completed",
        (SELECT COUNT(*) FROM "ParticipantStatusChange" WHERE "toStatus" = 'WITHDRAWN' AND "createdAt" >= ${start} AND "createdAt" < ${end}) AS "withdrawn",
        (SELECT COUNT(*) FROM "Pair" WHERE "activatedAt" >= ${start} AND "activatedAt" < ${end}) AS "pairsStarted",
        (SELECT COUNT(DISTINCT "participantId") FROM "Pair" WHERE "activatedAt" >= ${start} AND "activatedAt" < ${end}) AS "participantsMatched",
        (SELECT COUNT(*) FROM "VolunteerProfile" WHERE "createdAt" >= ${start} AND "createdAt" < ${end}) AS "applied",
        (SELECT COUNT(DISTINCT "volunteerId") FROM "Pair" WHERE ${activeInPeriod}) AS "volunteersActive",
        (SELECT COUNT(*) FROM "VolunteerProfile" WHERE "status" = 'READY' AND "stageChangedAt" >= ${start} AND "stageChangedAt" < ${end}) AS "ready",
        (SELECT COUNT(*) FROM "VolunteerProfile" WHERE "status" = 'LEFT' AND "leftAt" >= ${start} AND "leftAt" < ${end}) AS "left",
        (SELECT COUNT(*) FROM "Pair" WHERE "endedAt" >= ${start} AND "endedAt" < ${end}) AS "pairsEnded",
        (SELECT COUNT(*) FROM "Pair" WHERE "endedAt" >= ${start} AND "endedAt" < ${end} AND "endType" = 'PLANNED') AS "pairsEndedPlanned",
        (SELECT COUNT("surveyScore") FROM "Pair" WHERE "endedAt" >= ${start} AND "endedAt" < ${end}) AS "surveys",
        (SELECT SUM("surveyScore") FROM "Pair" WHERE "endedAt" >= ${start} AND "endedAt" < ${end}) AS "surveyScoreSum",
        (SELECT COUNT(*) FROM "FitCheck" WHERE "checkedOn" >= ${firstDay} AND "checkedOn" <= ${lastDay}) AS "fitChecks",
        (SELECT SUM("volunteerScore" + "participantScore") FROM "FitCheck" WHERE "checkedOn" >= ${firstDay} AND "checkedOn" <= ${lastDay}) AS "fitCheckScoreSum",
        (SELECT COUNT(*) FROM "FitCheck" WHERE "checkedOn" >= ${firstDay} AND "checkedOn" <= ${lastDay} AND "recommendRematch" = ${true}) AS "rematchRecommended"`,
    // Pairs active in the period, grouped by their dates: far fewer rows than pairs.
    db.$queryRaw<{ startDate: string | null; endDate: string | null; pairs: unknown }[]>`
      SELECT "startDate", "endDate", COUNT(*) AS "pairs" FROM "Pair" WHERE ${activeInPeriod}
      GROUP BY "startDate", "endDate"`,
    db.meeting.groupBy({ by: ['status'], where: { startsAt: { gte: start, lt: end } }, _count: { _all: true } }),
    db.meetingLog.aggregate({ where: { outcome: 'HELD', meeting: { startsAt: { gte: start, lt: end } } }, _sum: { durationMinutes: true } }),
    getSetting(db, 'meetingsPerMonth'),
  ]);
  const count = (key: string) => Number(counts[key] ?? 0);
  const meetingCount = (statuses: string[]) =>
    meetingsByStatus.filter((row) => statuses.includes(row.status)).reduce((sum, row) => sum + row._count._all, 0);
  const meetings = {
    held: meetingCount(['HELD']),
    cancelled: meetingCount(['CANCELLED_BY_PARTICIPANT', 'CANCELLED_BY_VOLUNTEER', 'CANCELLED']),
    noShow: meetingCount(['NO_SHOW']),
    heldMinutes: heldMinutes._sum.durationMinutes ?? 0,
  };
  const held = meetings.held;

  // Pair-months: the days each pair was active within the period, in months.
  let activeDays = 0;
  let lasting6Months = 0;
  for (const group of activePairs) {
    if (!group.startDate) continue;
    const pairs = Number(group.pairs);
    const from = group.startDate > firstDay ? group.startDate : firstDay;
    const lastActive = group.endDate && group.endDate < periodLastDay ? group.endDate : periodLastDay;
    if (lastActive >= from) activeDays += (daysBetween(from, lastActive) + 1) * pairs;
    if (addMonths(group.startDate, 6) <= lastActive) lasting6Months += pairs;
  }
  const pairMonths = activeDays / DAYS_PER_MONTH;

  const metrics: [ReportSection, string, number][] = [
    ['participants', 'participantsReferred', count('referred')],
    ['participants', 'participantsAccepted', count('accepted')],
    ['participants', 'participantsMatched', count('participantsMatched')],
    ['participants', 'participantsCompleted', count('completed')],
    ['participants', 'participantsWithdrawn', count('withdrawn')],
    ['volunteers', 'volunteersApplied', count('applied')],
    ['volunteers', 'volunteersReady', count('ready')],
    ['volunteers', 'volunteersActive', count('volunteersActive')],
    ['volunteers', 'volunteersLeft', count('left')],
    ['pairs', 'pairsStarted', count('pairsStarted')],
    ['pairs', 'pairsEndedPlanned', count('pairsEndedPlanned')],
    ['pairs', 'pairsEndedUnplanned', count('pairsEnded') - count('pairsEndedPlanned')],
    ['pairs', 'pairsLasting6Months', lasting6Months],
    ['meetings', 'meetingsHeld', held],
    ['meetings', 'meetingsCancelled', meetings.cancelled],
    ['meetings', 'meetingsNoShow', meetings.noShow],
    ['meetings', 'hours', round1(meetings.heldMinutes / 60)],
    ['meetings', 'meetingsPerPairMonth', pairMonths > 0 ? round1(held / pairMonths) : 0],
    ['meetings', 'meetingTarget', meetingsPerMonth],
    ['quality', 'fitChecks', count('fitChecks')],
    // Each check's score is the mean of the two; the average is over checks.
    ['quality', 'fitCheckAverage', average(count('fitCheckScoreSum') / 2, count('fitChecks'))],
    ['quality', 'rematchRecommended', count('rematchRecommended')],
    ['quality', 'closureSurveys', count('surveys')],
    ['quality', 'closureSurveyAverage', average(count('surveyScoreSum'), count('surveys'))],
  ];
  return metrics.map(([section, key, value]) => ({ section, key, value }));
}

/** How far a kept report may lag the clock (pair-days up to today); any change to the data recounts it. */
const REPORT_MAX_AGE_MS = 5 * 60_000;

/** The report as a view snapshot: a half-year's figures take tens of milliseconds to count. */
export function funderReportView(db: Db, period: ReportPeriod, now = currentTime()) {
  return cachedView(db, `funder-report:${period.key}`, REPORT_MAX_AGE_MS, () => funderReport(db, period, now), now);
}
