import { getSetting } from '~/domain/settings/settings.server';
import { audit } from '~/lib/audit.server';
import { currentTime } from '~/lib/clock';
import { db, type Db } from '~/lib/db.server';
import { emailCoordinators } from '~/lib/email.server';
import type { Actor } from '~/lib/permissions.server';
import { pairScope, RUNNING_PAIR_STATUSES } from '~/lib/permissions.server';
import { addDays, todayInOslo } from '~/lib/time';
import { isLowPulse, meanScore, SURVEY_ITEMS, type SurveyPurpose, type SurveyScores } from './purposes';

export interface AnswerInput {
  scores: SurveyScores;
  comment?: string;
}

/**
 * Stores the participant's answer through a survey link and closes the link, in one
 * transaction: a second submit (another tab, a double tap) finds the link used and stores
 * nothing. A low pulse queues an urgent email to every coordinator that says only that a
 * pulse needs a look and links to the pair: no scores, no words. Returns null when the link
 * was not open any more. Call notifyOutbox() after.
 */
export async function recordSurveyAnswer(
  request: Request,
  link: { id: string; pairId: string; participantId: string; purpose: SurveyPurpose },
  input: AnswerInput,
  now = currentTime(),
) {
  return db.$transaction(async (tx) => {
    const claimed = await tx.participantLink.updateMany({
      where: { id: link.id, usedAt: null, revokedAt: null, expiresAt: { gt: now } },
      data: { usedAt: now },
    });
    if (claimed.count !== 1) return null;
    const scores = Object.fromEntries(SURVEY_ITEMS[link.purpose].map((item) => [item, input.scores[item]]));
    const lowScore = link.purpose === 'PULSE' && isLowPulse(scores, await getSetting(tx, 'lowPulseMean'));
    const answer = await tx.participantAnswer.create({
      data: {
        linkId: link.id,
        pairId: link.pairId,
        purpose: link.purpose,
        answeredOn: todayInOslo(now),
        scores,
        meanScore: meanScore(scores),
        comment: input.comment ?? null,
        lowScore,
      },
    });
    await audit(tx, request, {
      actorId: null,
      action: 'CREATE',
      entityType: 'PARTICIPANT_ANSWER',
      entityId: answer.id,
      participantId: link.participantId,
      detail: { purpose: link.purpose, pairId: link.pairId, lowScore },
    });
    if (lowScore) {
      await emailCoordinators(tx, {
        template: 'participant-pulse-low',
        data: { pairId: link.pairId },
        key: (coordinatorId) => `pulse-low:${answer.id}:${coordinatorId}`,
        urgent: true,
      });
    }
    return answer;
  });
}

/** The participant's answers of a pair, for the coordinator; each read is audited. Volunteers see none. */
export async function pairAnswers(db: Db, request: Request, actor: Actor, pairId: string) {
  if (actor.role !== 'COORDINATOR') return null;
  const rows = await db.participantAnswer.findMany({
    where: { pairId, pair: pairScope(actor) },
    orderBy: [{ answeredOn: 'desc' }, { createdAt: 'desc' }],
    select: {
      id: true,
      purpose: true,
      answeredOn: true,
      scores: true,
      meanScore: true,
      comment: true,
      lowScore: true,
      pair: { select: { participantId: true } },
    },
  });
  const [first] = rows;
  if (first) {
    await audit(db, request, {
      actorId: actor.id,
      action: 'VIEW',
      entityType: 'PARTICIPANT_ANSWER',
      entityId: pairId,
      participantId: first.pair.participantId,
      detail: { answers: rows.length },
    });
  }
  return rows.map(({ pair: _pair, scores, ...row }) => ({
    ...row,
    purpose: row.purpose as SurveyPurpose,
    scores: scores as Record<string, number>,
  }));
}

/** How long a low pulse stays on the coordinator's dashboard. */
export const LOW_PULSE_SHOWN_DAYS = 14;

/** Low pulses of the last two weeks, newest first, for the dashboard (read live: the alert is urgent). */
export function recentLowPulses(now = currentTime()) {
  return db.participantAnswer.findMany({
    where: {
      lowScore: true,
      answeredOn: { gte: addDays(todayInOslo(now), -LOW_PULSE_SHOWN_DAYS) },
      pair: { status: { in: [...RUNNING_PAIR_STATUSES] } },
    },
    orderBy: [{ answeredOn: 'desc' }, { createdAt: 'desc' }],
    take: 20,
    select: { id: true, answeredOn: true, pairId: true, pair: { select: { participant: { select: { firstName: true } } } } },
  });
}
