import type { Db } from '~/lib/db.server';
import { enqueueEmail } from '~/lib/email.server';
import { isLanguage } from '~/lib/i18n';
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
  const coordinators = await db.user.findMany({
    where: { role: 'COORDINATOR', deactivatedAt: null },
    select: { id: true, email: true, language: true },
  });
  await db.$transaction(async (tx) => {
    for (const coordinator of coordinators) {
      await enqueueEmail(tx, {
        to: coordinator.email,
        userId: coordinator.id,
        template: 'half-year-status',
        data: {
          kind,
          halfYear,
          actual: status.projection.actual,
          target: status.projection.target,
          status: status.projection.status,
          previous,
        },
        language: isLanguage(coordinator.language) ? coordinator.language : 'nb',
        idempotencyKey: `half-year-status:${halfYear}:${kind}:${coordinator.id}`,
      });
    }
  });
  return coordinators.length;
}
