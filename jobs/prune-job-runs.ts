import type { JobDefinition } from './job';

const KEEP_DAYS = 30;

/** Keeps the job-run table small: the minute-by-minute sender claims a slot every minute. */
export const pruneJobRunsJob: JobDefinition = {
  name: 'prune-job-runs',
  cron: '30 3 * * *',
  leaseMs: 10 * 60 * 1000,
  run: async ({ db, now }) => {
    const before = new Date(now.getTime() - KEEP_DAYS * 24 * 60 * 60 * 1000);
    // Each job's latest run stays: the scheduler runs a job's latest slot when it finds no run
    // of it, so removing the claim of a quarterly job's slot would run that slot again.
    const latest = await db.jobRun.groupBy({ by: ['jobName'], _max: { scheduledFor: true } });
    const keep = latest.flatMap((row) => (row._max.scheduledFor ? [{ jobName: row.jobName, scheduledFor: row._max.scheduledFor }] : []));
    await db.jobRun.deleteMany({ where: { scheduledFor: { lt: before }, status: { not: 'RUNNING' }, NOT: { OR: keep } } });
    await db.rateLimitEvent.deleteMany({ where: { createdAt: { lt: before } } });
    await db.session.deleteMany({ where: { expiresAt: { lt: now } } });
  },
};
