import { RUNNING_PAIR_STATUSES } from '~/lib/permissions.server';
import { writeInBatches, type Db } from '~/lib/db.server';
import { enqueueEmail } from '~/lib/email.server';
import { isLanguage } from '~/lib/i18n';
import { formatDateTime } from '~/lib/time';
import { currentTime } from '~/lib/clock';

const HOUR = 3600_000;

/**
 * Reminds the volunteer 24 hours before a planned meeting. The key carries the meeting's
 * sequence, so a moved meeting is reminded again and a rerun queues nothing twice.
 */
export async function sendMeetingReminders(db: Db, now = currentTime()): Promise<number> {
  const meetings = await db.meeting.findMany({
    where: {
      status: 'PLANNED',
      remindedAt: null,
      startsAt: { gt: now, lte: new Date(now.getTime() + 24 * HOUR) },
      pair: { status: { in: [...RUNNING_PAIR_STATUSES] }, volunteer: { user: { deactivatedAt: null } } },
    },
    select: { id: true, startsAt: true, sequence: true, pair: { select: { volunteer: { select: { user: true } } } } },
  });
  await writeInBatches(db, meetings, async (tx, meeting) => {
    const user = meeting.pair.volunteer.user!;
    const language = isLanguage(user.language) ? user.language : 'nb';
    await enqueueEmail(tx, {
      to: user.email,
      userId: user.id,
      template: 'meeting-reminder',
      data: { meetingId: meeting.id, when: formatDateTime(meeting.startsAt, language) },
      language,
      idempotencyKey: `meeting-reminder:${meeting.id}:${meeting.sequence}`,
    });
    await tx.meeting.update({ where: { id: meeting.id }, data: { remindedAt: now } });
  });
  return meetings.length;
}

/** Reminds the volunteer to log a meeting 24 hours after its start (once, within a week). */
export async function sendLogReminders(db: Db, now = currentTime()): Promise<number> {
  const meetings = await db.meeting.findMany({
    where: {
      status: 'PLANNED',
      logRemindedAt: null,
      startsAt: { lte: new Date(now.getTime() - 24 * HOUR), gt: new Date(now.getTime() - 7 * 24 * HOUR) },
      pair: { status: { in: [...RUNNING_PAIR_STATUSES] }, volunteer: { user: { deactivatedAt: null } } },
    },
    select: { id: true, pair: { select: { volunteer: { select: { user: true } } } } },
  });
  await writeInBatches(db, meetings, async (tx, meeting) => {
    const user = meeting.pair.volunteer.user!;
    await enqueueEmail(tx, {
      to: user.email,
      userId: user.id,
      template: 'meeting-log-reminder',
      data: { meetingId: meeting.id },
      language: isLanguage(user.language) ? user.language : 'nb',
      idempotencyKey: `meeting-log-reminder:${meeting.id}`,
    });
    await tx.meeting.update({ where: { id: meeting.id }, data: { logRemindedAt: now } });
  });
  return meetings.length;
}
