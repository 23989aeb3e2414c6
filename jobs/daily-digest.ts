import { sendDailyDigests } from '~/domain/notifications/digest.server';
import type { JobDefinition } from './job';

/** Every morning: one email per digest user with the routine messages held since yesterday. */
export const dailyDigestJob: JobDefinition = {
  name: 'daily-digest',
  cron: '0 7 * * *',
  leaseMs: 10 * 60 * 1000,
  run: ({ db, now }) => sendDailyDigests(db, now),
};
