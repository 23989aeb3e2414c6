import { sendWeeklyDigest } from '~/domain/notifications/weekly-digest.server';
import type { JobDefinition } from './job';

/** Monday morning: each coordinator's weekly digest, built from the digest sections. */
export const weeklyDigestJob: JobDefinition = {
  name: 'weekly-digest',
  cron: '0 7 * * 1',
  leaseMs: 10 * 60 * 1000,
  run: ({ db, scheduledFor }) => sendWeeklyDigest(db, scheduledFor),
};
