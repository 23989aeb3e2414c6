import { sendHalfYearStatus } from '~/domain/notifications/half-year-status.server';
import type { JobDefinition } from './job';

/**
 * 1 January and 1 July (a new half-year), and 1 April and 1 October, 08:00 Oslo: the half-way
 * point of January–June and of July–December (to within a day). The slot picks the email's
 * kind; its verdict is the dashboard's at the time it runs (docs/decisions/008-one-definition-per-figure.md).
 */
export const halfYearStatusJob: JobDefinition = {
  name: 'half-year-status',
  cron: '0 8 1 1,4,7,10 *',
  leaseMs: 10 * 60 * 1000,
  run: ({ db, scheduledFor, now }) => sendHalfYearStatus(db, scheduledFor, now),
};
