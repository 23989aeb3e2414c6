import type { JobDefinition } from './job';

const KEEP_DAYS = 30;

/** Keeps the job-run table small: the minute-by-minute sender claims a slot every minute. */
export const pruneJobRunsJob: JobDefinition = {
  name: 'prune-job-runs',
  cron: '30 3 * * *',
  leaseMs: 10 * 60 * 1000,
  run: async ({ db, now }) => {
    const before = new Date(now.getTime() - KEEP_DAYS * 24 * 60 * 60 * 1000);
    await db.jobRun.deleteMany({ where: { scheduledFor: { lt: before }, status: { not: 'RUNNING' } } });
    await db.rateLimitEvent.deleteMany({ where: { createdAt: { lt: before } } });
    await db.session.deleteMany({ where: { expiresAt: { lt: now } } });
  },
};
