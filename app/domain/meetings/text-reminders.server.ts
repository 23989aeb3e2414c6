import { currentTime } from '~/lib/clock';
import type { Db, Tx } from '~/lib/db.server';
import { addDays, osloDate, osloInstant } from '~/lib/time';
import type { PlaceType } from './constants';
import { getSetting } from '~/domain/settings/settings.server';
import { enqueueParticipantText, notifySmsOutbox } from '~/domain/sms/outbox.server';
import { meetingCancelledText, meetingMovedText, reminderText } from './participant-texts';

const HOUR = 3600_000;
/** The reminder the day before goes at this Oslo time (or later, if the meeting is planned later). */
export const DAY_BEFORE_AT = '17:00';

/** Only an ACTIVE pair's participant is texted: one on hold may be back in custody (no SMS into prison). */
const communityMeeting = {
  status: 'PLANNED',
  placeType: { not: 'PRISON_VISIT' },
  pair: { status: 'ACTIVE' },
} as const;

/**
 * Queues the participant's reminders that are due: the day before each community meeting
 * (from 17:00 Oslo, at the latest two hours before it) and, by setting, two hours before.
 * Keys carry the meeting's sequence, so a moved meeting is reminded again and a rerun queues
 * nothing twice. Prison visits are never texted.
 */
export async function queueMeetingTextReminders(db: Db, now = currentTime()): Promise<number> {
  const twoHours = await getSetting(db, 'smsReminderTwoHoursBefore');
  const meetings = await db.meeting.findMany({
    where: { ...communityMeeting, startsAt: { gt: new Date(now.getTime() + 15 * 60_000), lte: new Date(now.getTime() + 48 * HOUR) } },
    select: {
      id: true,
      pairId: true,
      startsAt: true,
      sequence: true,
      placeType: true,
      place: true,
      pair: { select: { participantId: true } },
    },
  });
  let queued = 0;
  for (const meeting of meetings) {
    const forText = { startsAt: meeting.startsAt, placeType: meeting.placeType as PlaceType, place: meeting.place };
    const dayBeforeDue = osloInstant(addDays(osloDate(meeting.startsAt), -1), DAY_BEFORE_AT);
    const twoHoursDue = new Date(meeting.startsAt.getTime() - 2 * HOUR);
    const due: { kind: 'DAY_BEFORE' | 'TWO_HOURS'; key: string; notAfter: Date }[] = [];
    if (now >= dayBeforeDue && now < twoHoursDue) {
      due.push({ kind: 'DAY_BEFORE', key: `sms-reminder:day-before:${meeting.id}:${meeting.sequence}`, notAfter: twoHoursDue });
    }
    if (twoHours && now >= twoHoursDue) {
      due.push({
        kind: 'TWO_HOURS',
        key: `sms-reminder:two-hours:${meeting.id}:${meeting.sequence}`,
        notAfter: new Date(meeting.startsAt.getTime() - 15 * 60_000),
      });
    }
    for (const reminder of due) {
      const result = await db.$transaction((tx) =>
        enqueueParticipantText(tx, {
          participantId: meeting.pair.participantId,
          pairId: meeting.pairId,
          meetingId: meeting.id,
          kind: 'MEETING_REMINDER',
          body: reminderText(reminder.kind, forText),
          idempotencyKey: reminder.key,
          notAfter: reminder.notAfter,
        }),
      );
      if (result.queued && !result.duplicate) queued += 1;
    }
  }
  if (queued) notifySmsOutbox();
  return queued;
}

/**
 * Tells the participant that a meeting moved or was cancelled, inside the change's own
 * transaction — when they were already texted about it, or it is within two days (they may
 * be on their way). A moved meeting's earlier answer no longer holds.
 */
export async function textMeetingChange(tx: Tx, meetingId: string, change: 'MOVED' | 'CANCELLED', previousStartsAt: Date): Promise<void> {
  const meeting = await tx.meeting.findUniqueOrThrow({
    where: { id: meetingId },
    select: {
      id: true,
      pairId: true,
      startsAt: true,
      sequence: true,
      placeType: true,
      place: true,
      pair: { select: { participantId: true, status: true } },
    },
  });
  if (change === 'MOVED') {
    await tx.meeting.update({
      where: { id: meetingId },
      data: { participantAnswer: null, participantAnsweredAt: null, participantAnswerVia: null },
    });
  }
  if (meeting.placeType === 'PRISON_VISIT' || meeting.pair.status !== 'ACTIVE') return;
  const now = currentTime();
  const soon = Math.min(previousStartsAt.getTime(), meeting.startsAt.getTime()) - now.getTime() < 48 * HOUR;
  const told = await tx.smsMessage.count({ where: { meetingId, direction: 'OUT', status: { not: 'CANCELLED' } } });
  if (!soon && told === 0) return;
  const forText = {
    startsAt: change === 'MOVED' ? meeting.startsAt : previousStartsAt,
    placeType: meeting.placeType as PlaceType,
    place: meeting.place,
  };
  await enqueueParticipantText(tx, {
    participantId: meeting.pair.participantId,
    pairId: meeting.pairId,
    meetingId,
    kind: change === 'MOVED' ? 'MEETING_MOVED' : 'MEETING_CANCELLED',
    body: change === 'MOVED' ? meetingMovedText(forText) : meetingCancelledText(forText),
    idempotencyKey: `sms-meeting-${change.toLowerCase()}:${meetingId}:${meeting.sequence}`,
  });
}
