import { sendMonthlyComplianceSummary } from '~/domain/notifications/monthly-compliance.server';
import type { JobDefinition } from './job';

/** On the 1st of each month: last month's meeting compliance to the coordinators. */
export const monthlyComplianceJob: JobDefinition = {
  name: 'monthly-compliance',
  cron: '0 8 1 * *',
  leaseMs: 10 * 60 * 1000,
  run: ({ db, scheduledFor }) => sendMonthlyComplianceSummary(db, scheduledFor),
};
