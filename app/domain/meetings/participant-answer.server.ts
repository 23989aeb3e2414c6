import type { Tx } from '~/lib/db.server';
import { enqueueEmail } from '~/lib/email.server';
import { isLanguage } from '~/lib/i18n';
import { formatDateTime } from '~/lib/time';
import { currentTime } from '~/lib/clock';

export type ParticipantAnswer = 'CONFIRMED' | 'CANT_COME';
export type AnswerChannel = 'SMS' | 'LINK';

/**
 * The participant's own answer to a planned meeting ("I'm coming" / "I can't come"), by text
 * or on their personal page. It is kept on the meeting (the pair page and /me show it) and
 * the volunteer is told by email, held for the daily digest if they chose that. Answers
 * only a meeting that is still planned and not yet started; returns whether it did.
 */
export async function recordParticipantAnswer(tx: Tx, meetingId: string, answer: ParticipantAnswer, via: AnswerChannel): Promise<boolean> {
  const now = currentTime();
  const changed = await tx.meeting.updateMany({
    where: { id: meetingId, status: 'PLANNED', startsAt: { gt: now } },
    data: { participantAnswer: answer, participantAnsweredAt: now, participantAnswerVia: via },
  });
  if (changed.count !== 1) return false;
  const meeting = await tx.meeting.findUniqueOrThrow({
    where: { id: meetingId },
    select: {
      startsAt: true,
      sequence: true,
      pair: { select: { volunteer: { select: { user: { select: { id: true, email: true, language: true, deactivatedAt: true } } } } } },
    },
  });
  const user = meeting.pair.volunteer.user;
  if (user && !user.deactivatedAt) {
    const language = isLanguage(user.language) ? user.language : 'nb';
    await enqueueEmail(tx, {
      to: user.email,
      userId: user.id,
      template: 'meeting-participant-answer',
      data: { meetingId, answer, when: formatDateTime(meeting.startsAt, language) },
      language,
      idempotencyKey: `meeting-participant-answer:${meetingId}:${meeting.sequence}:${answer}`,
    });
  }
  return true;
}
