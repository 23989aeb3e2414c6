import { runRetention } from '~/domain/privacy/retention.server';
import type { JobDefinition } from './job';

/** Anonymises participants and departed volunteers whose retention time has passed. */
export const retentionJob: JobDefinition = {
  name: 'retention',
  cron: '45 3 * * *',
  leaseMs: 30 * 60 * 1000,
  run: ({ db, now }) => runRetention(db, now),
};
