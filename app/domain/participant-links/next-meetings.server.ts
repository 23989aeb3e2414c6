import { isRunningPair, RUNNING_PAIR_STATUSES } from '~/lib/permissions.server';
import { recordParticipantAnswer, type ParticipantAnswer } from '~/domain/meetings/participant-answer.server';
import { currentTime } from '~/lib/clock';
import { db } from '~/lib/db.server';

/** The pair's planned meetings from now on, for the participant's own list, with their answer to each. */
export function nextMeetings(pairId: string, now = currentTime()) {
  return db.meeting.findMany({
    where: { pairId, status: 'PLANNED', startsAt: { gte: now }, pair: { status: { in: [...RUNNING_PAIR_STATUSES] } } },
    orderBy: { startsAt: 'asc' },
    take: 8,
    select: { id: true, startsAt: true, durationMinutes: true, placeType: true, place: true, participantAnswer: true },
  });
}

/**
 * The participant's "I'm coming" / "I can't come" from their own page. Only a meeting of the
 * link's own pair is found; one that is no longer planned, has started or whose pair ended is
 * closed to answers. Pressing the other button changes the answer.
 */
export async function answerNextMeeting(
  pairId: string,
  meetingId: string,
  answer: ParticipantAnswer,
): Promise<'ANSWERED' | 'NOT_FOUND' | 'CLOSED'> {
  return db.$transaction(async (tx) => {
    const meeting = await tx.meeting.findFirst({
      where: { id: meetingId, pairId },
      select: { id: true, pair: { select: { status: true } } },
    });
    if (!meeting) return 'NOT_FOUND';
    if (!isRunningPair(meeting.pair.status)) return 'CLOSED';
    return (await recordParticipantAnswer(tx, meeting.id, answer, 'LINK')) ? 'ANSWERED' : 'CLOSED';
  });
}
