import { sendHalfYearStatus } from '~/domain/recruitment/half-year-status.server';
import type { JobDefinition } from './job';

/** 1 January and 1 July (a new half-year), 1 April and 1 October (its mid-point), 08:00 Oslo. */
export const halfYearStatusJob: JobDefinition = {
  name: 'half-year-status',
  cron: '0 8 1 1,4,7,10 *',
  leaseMs: 10 * 60 * 1000,
  run: ({ db, scheduledFor }) => sendHalfYearStatus(db, scheduledFor),
};
