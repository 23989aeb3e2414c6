import { queueMeetingTextReminders } from '~/domain/meetings/text-reminders.server';
import type { JobDefinition } from './job';

/** Every quarter hour: the participant's text reminders that are due (day before; two hours before by setting). */
export const smsRemindersJob: JobDefinition = {
  name: 'sms-reminders',
  cron: '*/15 * * * *',
  leaseMs: 5 * 60 * 1000,
  run: async ({ db, scheduledFor }) => ({ queued: await queueMeetingTextReminders(db, scheduledFor) }),
};
