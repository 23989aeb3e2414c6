import { queueCourseReminders } from '~/domain/volunteers/reminders.server';
import type { JobDefinition } from './job';

/** Every morning: reminders to volunteers enrolled in a training session two days ahead. */
export const courseRemindersJob: JobDefinition = {
  name: 'course-reminders',
  cron: '0 8 * * *',
  leaseMs: 10 * 60 * 1000,
  run: ({ db, scheduledFor }) => queueCourseReminders(db, scheduledFor),
};
