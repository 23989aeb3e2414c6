import type { Db } from '~/lib/db.server';
import { getSetting } from '~/domain/settings/settings.server';
import { addMonths, daysBetween, todayInOslo } from '~/lib/time';
import type { ReportPeriod } from './period';
import type { ReportMetric, ReportSection } from './sections';


const DAYS_PER_MONTH = 365.25 / 12;

function round1(value: number): number {
  return Math.round(value * 10) / 10;
}

function average(values: number[]): number {
  return values.length === 0 ? 0 : round1(values.reduce((sum, v) => sum + v, 0) / values.length);
}

/**
 * The funder report for a period. Every figure is counted in Oslo time from the records'
 * own dates (referral date, status changes, pair start and end, meeting start).
 */
export async function funderReport(db: Db, period: ReportPeriod, now = new Date()): Promise<ReportMetric[]> {
  const inRange = { gte: period.start, lt: period.end };
  const today = todayInOslo(now);
  const periodLastDay = period.lastDay < today ? period.lastDay : today;
  const statusCount = (toStatus: string) =>
    db.participantStatusChange.count({ where: { toStatus, createdAt: inRange } });

  const [
    referred,
    accepted,
    completed,
    withdrawn,
    matchedPairs,
    applied,
    ready,
    left,
    overlappingPairs,
    endedPairs,
    meetingsByStatus,
    heldMinutes,
    fitChecks,
    meetingsPerMonth,
  ] = await Promise.all([
    db.referral.count({ where: { referralDate: { gte: period.firstDay, lte: period.lastDay } } }),
    statusCount('ACCEPTED'),
    statusCount('COMPLETED'),
    statusCount('WITHDRAWN'),
    db.pair.findMany({ where: { activatedAt: inRange }, select: { participantId: true } }),
    db.volunteerProfile.count({ where: { createdAt: inRange } }),
    db.volunteerProfile.count({ where: { status: 'READY', stageChangedAt: inRange } }),
    db.volunteerProfile.count({ where: { status: 'LEFT', leftAt: inRange } }),
    db.pair.findMany({
      where: { activatedAt: { lt: period.end }, OR: [{ endedAt: null }, { endedAt: { gte: period.start } }], status: { not: 'PROPOSED' } },
      select: { volunteerId: true, startDate: true, endDate: true },
    }),
    db.pair.findMany({ where: { endedAt: inRange }, select: { endType: true, surveyScore: true } }),
    db.meeting.groupBy({ by: ['status'], where: { startsAt: inRange }, _count: { _all: true } }),
    db.meetingLog.aggregate({
      where: { outcome: 'HELD', meeting: { startsAt: inRange } },
      _sum: { durationMinutes: true },
    }),
    db.fitCheck.findMany({
      where: { checkedOn: { gte: period.firstDay, lte: period.lastDay } },
      select: { volunteerScore: true, participantScore: true, recommendRematch: true },
    }),
    getSetting(db, 'meetingsPerMonth'),
  ]);

  const meetings = (statuses: string[]) =>
    meetingsByStatus.filter((row) => statuses.includes(row.status)).reduce((sum, row) => sum + row._count._all, 0);
  const held = meetings(['HELD']);

  // Pair-months: the days each pair was active within the period, in months.
  let activeDays = 0;
  let lasting6Months = 0;
  for (const pair of overlappingPairs) {
    if (!pair.startDate) continue;
    const from = pair.startDate > period.firstDay ? pair.startDate : period.firstDay;
    const lastActive = pair.endDate && pair.endDate < periodLastDay ? pair.endDate : periodLastDay;
    if (lastActive >= from) activeDays += daysBetween(from, lastActive) + 1;
    if (addMonths(pair.startDate, 6) <= lastActive) lasting6Months += 1;
  }
  const pairMonths = activeDays / DAYS_PER_MONTH;
  const surveys = endedPairs.map((pair) => pair.surveyScore).filter((score): score is number => score !== null);

  const metrics: [ReportSection, string, number][] = [
    ['participants', 'participantsReferred', referred],
    ['participants', 'participantsAccepted', accepted],
    ['participants', 'participantsMatched', new Set(matchedPairs.map((pair) => pair.participantId)).size],
    ['participants', 'participantsCompleted', completed],
    ['participants', 'participantsWithdrawn', withdrawn],
    ['volunteers', 'volunteersApplied', applied],
    ['volunteers', 'volunteersReady', ready],
    ['volunteers', 'volunteersActive', new Set(overlappingPairs.map((pair) => pair.volunteerId)).size],
    ['volunteers', 'volunteersLeft', left],
    ['pairs', 'pairsStarted', matchedPairs.length],
    ['pairs', 'pairsEndedPlanned', endedPairs.filter((pair) => pair.endType === 'PLANNED').length],
    ['pairs', 'pairsEndedUnplanned', endedPairs.filter((pair) => pair.endType !== 'PLANNED').length],
    ['pairs', 'pairsLasting6Months', lasting6Months],
    ['meetings', 'meetingsHeld', held],
    ['meetings', 'meetingsCancelled', meetings(['CANCELLED_BY_PARTICIPANT', 'CANCELLED_BY_VOLUNTEER', 'CANCELLED'])],
    ['meetings', 'meetingsNoShow', meetings(['NO_SHOW'])],
    ['meetings', 'hours', round1((heldMinutes._sum.durationMinutes ?? 0) / 60)],
    ['meetings', 'meetingsPerPairMonth', pairMonths > 0 ? round1(held / pairMonths) : 0],
    ['meetings', 'meetingTarget', meetingsPerMonth],
    ['quality', 'fitChecks', fitChecks.length],
    ['quality', 'fitCheckAverage', average(fitChecks.map((check) => (check.volunteerScore + check.participantScore) / 2))],
    ['quality', 'rematchRecommended', fitChecks.filter((check) => check.recommendRematch).length],
    ['quality', 'closureSurveys', surveys.length],
    ['quality', 'closureSurveyAverage', average(surveys)],
  ];
  return metrics.map(([section, key, value]) => ({ section, key, value }));
}
