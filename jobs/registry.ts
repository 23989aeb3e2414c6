import { courseRemindersJob } from './course-reminders';
import { dailyDigestJob } from './daily-digest';
import { firstWeekContactsJob } from './first-week-contacts';
import { halfYearStatusJob } from './half-year-status';
import type { JobDefinition } from './job';
import { meetingRemindersJob } from './meeting-reminders';
import { monthlyComplianceJob } from './monthly-compliance';
import { participantLinksJob } from './participant-links';
import { pruneJobRunsJob } from './prune-job-runs';
import { retentionJob } from './retention';
import { sendOutboxJob } from './send-outbox';
import { sendSmsJob } from './send-sms';
import { serviceDeadlinesJob } from './service-deadlines';
import { smsRemindersJob } from './sms-reminders';
import { weeklyDigestJob } from './weekly-digest';

/** Every scheduled job; docs/jobs.md describes each. */
export const JOBS: JobDefinition[] = [
  sendOutboxJob,
  dailyDigestJob,
  pruneJobRunsJob,
  halfYearStatusJob,
  courseRemindersJob,
  weeklyDigestJob,
  meetingRemindersJob,
  monthlyComplianceJob,
  retentionJob,
  participantLinksJob,
  sendSmsJob,
  smsRemindersJob,
  firstWeekContactsJob,
  serviceDeadlinesJob,
];
