import { dailyDigestJob } from './daily-digest';
import type { JobDefinition } from './job';
import { meetingRemindersJob } from './meeting-reminders';
import { monthlyComplianceJob } from './monthly-compliance';
import { pruneJobRunsJob } from './prune-job-runs';
import { sendOutboxJob } from './send-outbox';

/** Every scheduled job; docs/jobs.md describes each. */
export const JOBS: JobDefinition[] = [sendOutboxJob, dailyDigestJob, pruneJobRunsJob, meetingRemindersJob, monthlyComplianceJob];
