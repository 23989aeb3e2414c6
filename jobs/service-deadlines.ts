import { alertOverdueTrackerItems } from '~/domain/participants/service-tracker.server';
import type { JobDefinition } from './job';

/** Just after each Oslo midnight, when a deadline day is over: alerts each overdue services-tracker item's owner once. */
export const serviceDeadlinesJob: JobDefinition = {
  name: 'service-deadlines',
  cron: '10 0 * * *',
  leaseMs: 5 * 60 * 1000,
  run: ({ db, now }) => alertOverdueTrackerItems(db, now),
};
