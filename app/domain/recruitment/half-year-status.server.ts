import type { Db } from '~/lib/db.server';
import { emailCoordinators } from '~/lib/email.server';
import { halfYearOf, osloDate, previousHalfYear } from '~/lib/time';
import { newPairsIn, recruitmentStatus, targetsFor } from './recruitment.server';

/**
 * The half-year status email to every active coordinator: on the first day of a half-year
 * (with how the previous one ended) and at its mid-point. One email per coordinator, kind and
 * half-year, whatever how often the job runs.
 */
export async function sendHalfYearStatus(db: Db, scheduledFor: Date): Promise<number> {
  const halfYear = halfYearOf(scheduledFor);
  const month = Number(osloDate(scheduledFor).slice(5, 7));
  const kind = month === 1 || month === 7 ? 'start' : 'midpoint';
  const status = await recruitmentStatus(db, scheduledFor, 1);
  const previousKey = previousHalfYear(halfYear);
  const previous =
    kind === 'start'
      ? { halfYear: previousKey, actual: await newPairsIn(db, previousKey), target: (await targetsFor(db, previousKey)).newPairs }
      : undefined;
  return db.$transaction((tx) =>
    emailCoordinators(tx, {
      template: 'half-year-status',
      data: {
        kind,
        halfYear,
        actual: status.projection.actual,
        target: status.projection.target,
        status: status.projection.status,
        previous,
      },
      key: (coordinatorId) => `half-year-status:${halfYear}:${kind}:${coordinatorId}`,
    }),
  );
}
