import { sendLogReminders, sendMeetingReminders } from '~/domain/meetings/reminders.server';
import type { JobDefinition } from './job';

/** Every quarter hour: reminders 24 h before a meeting and, 24 h after, to log it. */
export const meetingRemindersJob: JobDefinition = {
  name: 'meeting-reminders',
  cron: '*/15 * * * *',
  leaseMs: 5 * 60 * 1000,
  run: async ({ db, scheduledFor }) => ({
    reminders: await sendMeetingReminders(db, scheduledFor),
    logReminders: await sendLogReminders(db, scheduledFor),
  }),
};
