import { z } from 'zod';
import { Prisma } from '~/generated/prisma/client';
import { db, type Db } from '~/lib/db.server';
import { queryOne, sqlCount } from '~/lib/sql.server';
import { cachedView } from '~/lib/view-snapshot.server';
import { getSetting } from '~/domain/settings/settings.server';
import {
  acceptedParticipants,
  activeInPeriodSql,
  activePairsByDates,
  appliedVolunteers,
  completedParticipants,
  matchedParticipants,
  meetingsPerPairMonth,
  meetingTargetPerPairMonth,
  newPairs,
  readyVolunteers,
  referredParticipants,
  withdrawnParticipants,
} from '~/domain/figures/figures.server';
import { participantVoiceFigures } from '~/domain/figures/participant-voice.server';
import { firstContactFigures } from '~/domain/figures/first-contact.server';
import { monthlyTrends, outcomeMeasures } from '~/domain/figures/outcomes.server';
import { addMonths, todayInOslo } from '~/lib/time';
import type { ReportPeriod } from '~/domain/figures/period';
import type { ReportMetric, ReportSection } from './sections';
import { currentTime } from '~/lib/clock';

function round1(value: number): number {
  return Math.round(value * 10) / 10;
}

function average(sum: number, count: number): number {
  return count === 0 ? 0 : round1(sum / count);
}

const countsRow = z.object({
  volunteersActive: sqlCount,
  left: sqlCount,
  pairsEnded: sqlCount,
  pairsEndedPlanned: sqlCount,
  surveys: sqlCount,
  surveyScoreSum: sqlCount,
  fitChecks: sqlCount,
  fitCheckScoreSum: sqlCount,
  rematchRecommended: sqlCount,
});

/**
 * The funder report for a period. Every figure is counted in Oslo time from the records'
 * own dates (referral date, status changes, pair start and end, meeting start). The figures
 * the dashboard also shows come from ~/domain/figures, so the two agree for the same period.
 */
export async function funderReport(db: Db, period: ReportPeriod, now = currentTime()): Promise<ReportMetric[]> {
  const { start, end, firstDay, lastDay } = period;
  const today = todayInOslo(now);
  const periodLastDay = lastDay < today ? lastDay : today;

  const activeInPeriod = activeInPeriodSql(period);
  // One round trip for the other counts: each Prisma query costs about a millisecond of CPU.
  const [counts, activePairs, meetingsByStatus, heldMinutes, figures, voice, firstContact] = await Promise.all([
    queryOne(
      db,
      countsRow,
      Prisma.sql`
      SELECT
        (SELECT COUNT(DISTINCT "volunteerId") FROM "Pair" WHERE ${activeInPeriod}) AS "volunteersActive",
        (SELECT COUNT(*) FROM "VolunteerProfile" WHERE "status" = 'LEFT' AND "leftAt" >= ${start} AND "leftAt" < ${end}) AS "left",
        (SELECT COUNT(*) FROM "Pair" WHERE "endedAt" >= ${start} AND "endedAt" < ${end}) AS "pairsEnded",
        (SELECT COUNT(*) FROM "Pair" WHERE "endedAt" >= ${start} AND "endedAt" < ${end} AND "endType" = 'PLANNED') AS "pairsEndedPlanned",
        (SELECT COUNT("surveyScore") FROM "Pair" WHERE "endedAt" >= ${start} AND "endedAt" < ${end}) AS "surveys",
        (SELECT SUM("surveyScore") FROM "Pair" WHERE "endedAt" >= ${start} AND "endedAt" < ${end}) AS "surveyScoreSum",
        (SELECT COUNT(*) FROM "FitCheck" WHERE "checkedOn" >= ${firstDay} AND "checkedOn" <= ${lastDay}) AS "fitChecks",
        (SELECT SUM("volunteerScore" + "participantScore") FROM "FitCheck" WHERE "checkedOn" >= ${firstDay} AND "checkedOn" <= ${lastDay}) AS "fitCheckScoreSum",
        (SELECT COUNT(*) FROM "FitCheck" WHERE "checkedOn" >= ${firstDay} AND "checkedOn" <= ${lastDay} AND "recommendRematch" = ${true}) AS "rematchRecommended"`,
    ),
    activePairsByDates(db, period),
    db.meeting.groupBy({ by: ['status'], where: { startsAt: { gte: start, lt: end } }, _count: { _all: true } }),
    db.meetingLog.aggregate({
      where: { outcome: 'HELD', meeting: { startsAt: { gte: start, lt: end } } },
      _sum: { durationMinutes: true },
    }),
    Promise.all([
      referredParticipants(db, period),
      acceptedParticipants(db, period),
      matchedParticipants(db, period),
      completedParticipants(db, period),
      withdrawnParticipants(db, period),
      appliedVolunteers(db, period),
      readyVolunteers(db, period),
      newPairs(db, period),
      meetingsPerPairMonth(db, period, now),
    ]),
    participantVoiceFigures(db, period),
    firstContactFigures(db, period, now),
  ]);
  const ownMean = (view: string) => voice.views.find((figure) => figure.view === view)?.mean ?? 0;
  const [referred, accepted, matched, completed, withdrawn, applied, ready, pairs, perPairMonth] = figures;
  // -- release (#21): the target beside it from the one monthly target (holds, the raise after release).
  const targetPerPairMonth = await meetingTargetPerPairMonth(db, period, now, perPairMonth.exactPairMonths);
  const count = (key: keyof typeof counts) => counts[key];
  const meetingCount = (statuses: string[]) =>
    meetingsByStatus.filter((row) => statuses.includes(row.status)).reduce((sum, row) => sum + row._count._all, 0);
  const meetings = {
    held: meetingCount(['HELD']),
    cancelled: meetingCount(['CANCELLED_BY_PARTICIPANT', 'CANCELLED_BY_VOLUNTEER', 'CANCELLED']),
    noShow: meetingCount(['NO_SHOW']),
    heldMinutes: heldMinutes._sum.durationMinutes ?? 0,
  };
  const held = meetings.held;

  let lasting6Months = 0;
  for (const group of activePairs) {
    if (!group.startDate) continue;
    const lastActive = group.endDate && group.endDate < periodLastDay ? group.endDate : periodLastDay;
    if (addMonths(group.startDate, 6) <= lastActive) lasting6Months += group.pairs;
  }

  const metrics: [ReportSection, string, number][] = [
    ['participants', 'participantsReferred', referred],
    ['participants', 'participantsAccepted', accepted],
    ['participants', 'participantsMatched', matched],
    ['participants', 'participantsCompleted', completed],
    ['participants', 'participantsWithdrawn', withdrawn],
    // The release-day protocol (#21), from its one function (hours read 0 while no one released has had a contact).
    ['participants', 'releasedInPeriod', firstContact.released],
    ['participants', 'hoursToFirstContact', firstContact.medianHours ?? 0],
    ['participants', 'contactWithin72Hours', firstContact.within72Hours.percent],
    ['participants', 'contactWithin7Days', firstContact.within7Days.percent],
    ['volunteers', 'volunteersApplied', applied],
    ['volunteers', 'volunteersReady', ready],
    ['volunteers', 'volunteersActive', count('volunteersActive')],
    ['volunteers', 'volunteersLeft', count('left')],
    ['pairs', 'pairsStarted', pairs.counted],
    ['pairs', 'pairsRematched', pairs.rematches],
    ['pairs', 'pairsEndedPlanned', count('pairsEndedPlanned')],
    ['pairs', 'pairsEndedUnplanned', count('pairsEnded') - count('pairsEndedPlanned')],
    ['pairs', 'pairsLasting6Months', lasting6Months],
    ['meetings', 'meetingsHeld', held],
    ['meetings', 'meetingsCancelled', meetings.cancelled],
    ['meetings', 'meetingsNoShow', meetings.noShow],
    ['meetings', 'hours', round1(meetings.heldMinutes / 60)],
    ['meetings', 'meetingsPerPairMonth', perPairMonth.perPairMonth],
    ['meetings', 'meetingTarget', targetPerPairMonth],
    ['quality', 'fitChecks', count('fitChecks')],
    // Each check's score is the mean of the two; the average is over checks.
    ['quality', 'fitCheckAverage', average(count('fitCheckScoreSum') / 2, count('fitChecks'))],
    ['quality', 'rematchRecommended', count('rematchRecommended')],
    ['quality', 'closureSurveys', count('surveys')],
    ['quality', 'closureSurveyAverage', average(count('surveyScoreSum'), count('surveys'))],
    // The participant's own answers through personal links, beside the recorded scores above.
    ['quality', 'participantFitCheckAverage', ownMean('fitParticipantOwn')],
    ['quality', 'participantClosureSurveyAverage', ownMean('closureParticipantOwn')],
    ['quality', 'pulseAnswers', voice.pulseAnswers],
    ['quality', 'pulseAverage', voice.pulseMean ?? 0],
    ['quality', 'pulseLow', voice.pulseLow],
  ];
  return metrics.map(([section, key, value]) => ({ section, key, value }));
}

/** How far a kept report may lag the clock (pair-days up to today); any change to the data recounts it. */
const REPORT_MAX_AGE_MS = 5 * 60_000;

/** The report as a view snapshot: a half-year's figures take tens of milliseconds to count. */
export function funderReportView(period: ReportPeriod, now = currentTime()) {
  return cachedView(db, `funder-report:${period.key}`, REPORT_MAX_AGE_MS, () => funderReport(db, period, now), now);
}

/** The report page: the kept figures, whether rematches count as new pairs, and the participants' own answers. */
/**
 * The outcome measures of the period and of all time, and the last 12 months' trend: kept like
 * the funder report (they read every pair's meetings; ten coordinators opening the page at once
 * computed them ten times over, and on PostgreSQL, whose pool runs them side by side, that
 * exhausted the server's 128 MB heap).
 */
function reportOutcomesView(period: ReportPeriod, now: Date) {
  return cachedView(
    db,
    `report-outcomes:${period.key}`,
    REPORT_MAX_AGE_MS,
    async () => {
      const outcomes = await outcomeMeasures(period, now);
      const outcomesAllTime = await outcomeMeasures(null, now);
      const trends = await monthlyTrends(12, now);
      return { outcomes, outcomesAllTime, trends };
    },
    now,
  );
}

export async function funderReportPage(period: ReportPeriod, now = currentTime()) {
  const [report, rematchesCount, voice, outcomes] = await Promise.all([
    funderReportView(period, now),
    getSetting(db, 'countRematchesAsNewPairs'),
    participantVoiceFigures(db, period),
    reportOutcomesView(period, now),
  ]);
  return { report, rematchesCount, voice, ...outcomes.data };
}
