import { sendWeeklyDigest } from '~/domain/notifications/weekly-digest.server';
import type { JobDefinition } from './job';

/** Monday morning: each coordinator's weekly digest, built from the digest sections. */
export const weeklyDigestJob: JobDefinition = {
  name: 'weekly-digest',
  cron: '0 7 * * 1',
  leaseMs: 10 * 60 * 1000,
  // The figures are as of the run (a catch-up on the 1st must not report last month as "this month").
  run: ({ db, scheduledFor, now }) => sendWeeklyDigest(db, now, undefined, scheduledFor),
};
