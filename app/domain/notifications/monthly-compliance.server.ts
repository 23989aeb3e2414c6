import type { Db } from '~/lib/db.server';
import { emailCoordinators } from '~/lib/email.server';
import { formatMonth } from '~/lib/time';
import { currentTime } from '~/lib/clock';
import { monthlyCompliance } from '~/domain/figures/summaries.server';

/** On the 1st: last month's compliance to every coordinator, once per month. */
export async function sendMonthlyComplianceSummary(db: Db, now = currentTime()): Promise<number> {
  const summary = await monthlyCompliance(db, now);
  return db.$transaction((tx) =>
    emailCoordinators(tx, {
      template: 'monthly-compliance',
      data: (language) => ({ month: formatMonth(summary.month, language), pairs: summary.pairs, onTarget: summary.onTarget }),
      key: (coordinatorId) => `monthly-compliance:${summary.month}:${coordinatorId}`,
    }),
  );
}
