import type { Tx } from '~/lib/db.server';
import { SURVEY_ITEMS } from '~/domain/participant-links/purposes';
import type { FigurePeriod } from './figures.server';

function round1(value: number): number {
  return Math.round(value * 10) / 10;
}

interface Tally {
  count: number;
  sum: number;
}

const mean = ({ count, sum }: Tally) => (count === 0 ? null : round1(sum / count));

export interface ViewFigure {
  /** Whose view: the participant's own answer, or what a volunteer or the coordinator recorded. */
  view:
    | 'fitParticipantOwn'
    | 'fitCoordinatorParticipant'
    | 'fitCoordinatorVolunteer'
    | 'closureParticipantOwn'
    | 'closureCoordinator'
    | 'meetingRating';
  answers: number;
  /** Mean on the 1-5 scale, null without answers. */
  mean: number | null;
}

export interface PulseMonth {
  month: string; // YYYY-MM
  answers: number;
  mean: number | null;
  low: number;
  items: Record<string, number | null>;
}

/**
 * The participant's own voice over a period, beside the other views of the same thing: the
 * fit check (their own answer, and the two scores the coordinator records), the closure
 * survey (theirs and the coordinator's), the volunteer's meeting ratings, and the pulse by
 * month with each item's mean. Answers are counted by their Oslo day; records by their own dates.
 */
export async function participantVoiceFigures(db: Tx, period: FigurePeriod) {
  const { start, end, firstDay, lastDay } = period;
  const [answers, fitChecks, closures, ratings] = await Promise.all([
    db.participantAnswer.findMany({
      where: { answeredOn: { gte: firstDay, lte: lastDay } },
      select: { purpose: true, answeredOn: true, scores: true, meanScore: true, lowScore: true },
    }),
    db.fitCheck.aggregate({
      where: { checkedOn: { gte: firstDay, lte: lastDay } },
      _count: { _all: true },
      _sum: { volunteerScore: true, participantScore: true },
    }),
    db.pair.aggregate({
      where: { endedAt: { gte: start, lt: end }, surveyScore: { not: null } },
      _count: { _all: true },
      _sum: { surveyScore: true },
    }),
    db.meetingLog.aggregate({
      where: { outcome: 'HELD', rating: { not: null }, meeting: { startsAt: { gte: start, lt: end } } },
      _count: { _all: true },
      _sum: { rating: true },
    }),
  ]);
  const own = (purpose: string): Tally => {
    const rows = answers.filter((answer) => answer.purpose === purpose);
    return { count: rows.length, sum: rows.reduce((total, row) => total + row.meanScore, 0) };
  };
  const tally = (count: number, sum: number | null): Tally => ({ count, sum: sum ?? 0 });
  const views: [ViewFigure['view'], Tally][] = [
    ['fitParticipantOwn', own('FIT_CHECK')],
    ['fitCoordinatorParticipant', tally(fitChecks._count._all, fitChecks._sum.participantScore)],
    ['fitCoordinatorVolunteer', tally(fitChecks._count._all, fitChecks._sum.volunteerScore)],
    ['closureParticipantOwn', own('CLOSURE_SURVEY')],
    ['closureCoordinator', tally(closures._count._all, closures._sum.surveyScore)],
    ['meetingRating', tally(ratings._count._all, ratings._sum.rating)],
  ];

  const byMonth = new Map<string, { total: Tally; low: number; items: Map<string, Tally> }>();
  for (const answer of answers.filter((row) => row.purpose === 'PULSE')) {
    const month = answer.answeredOn.slice(0, 7);
    const entry = byMonth.get(month) ?? { total: { count: 0, sum: 0 }, low: 0, items: new Map<string, Tally>() };
    entry.total.count += 1;
    entry.total.sum += answer.meanScore;
    if (answer.lowScore) entry.low += 1;
    for (const [item, score] of Object.entries(answer.scores as Record<string, number>)) {
      const itemTally = entry.items.get(item) ?? { count: 0, sum: 0 };
      itemTally.count += 1;
      itemTally.sum += score;
      entry.items.set(item, itemTally);
    }
    byMonth.set(month, entry);
  }
  const pulse: PulseMonth[] = [...byMonth.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([month, entry]) => ({
      month,
      answers: entry.total.count,
      mean: mean(entry.total),
      low: entry.low,
      items: Object.fromEntries(SURVEY_ITEMS.PULSE.map((item) => [item, mean(entry.items.get(item) ?? { count: 0, sum: 0 })])),
    }));
  const pulseAll = own('PULSE');
  return {
    views: views.map(([view, value]) => ({ view, answers: value.count, mean: mean(value) })),
    pulse,
    pulseAnswers: pulseAll.count,
    pulseMean: mean(pulseAll),
    pulseLow: answers.filter((row) => row.purpose === 'PULSE' && row.lowScore).length,
  };
}
