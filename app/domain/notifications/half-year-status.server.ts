import type { Db } from '~/lib/db.server';
import { emailCoordinators } from '~/lib/email.server';
import { halfYearOf, osloDate, previousHalfYear, todayInOslo } from '~/lib/time';
import { currentTime } from '~/lib/clock';
import { halfYearOnTrack, halfYearPeriod, newPairs } from '~/domain/figures/figures.server';
import { targetsFor } from '~/domain/recruitment/targets.server';

/**
 * The half-year status email to every active coordinator: on the first day of a half-year
 * (with how the previous one ended) and at its half-way point, 1 April or 1 October (the job's
 * cron). The slot decides the kind and the half-year; the verdict is the dashboard's
 * (halfYearOnTrack) at the moment the email is written, and the email says as of which day,
 * so a late run (a catch-up after a restart) never reports an old verdict. One email per
 * coordinator, kind and half-year, however often the job runs.
 */
export async function sendHalfYearStatus(db: Db, scheduledFor: Date, now = currentTime()): Promise<number> {
  const halfYear = halfYearOf(scheduledFor);
  const month = Number(osloDate(scheduledFor).slice(5, 7));
  const kind = month === 1 || month === 7 ? 'start' : 'midpoint';
  // A late run in a later half-year still reports on the slot's half-year as it stands.
  const status = await halfYearOnTrack(db, halfYearOf(now) === halfYear ? now : scheduledFor);
  const previousKey = previousHalfYear(halfYear);
  const previous =
    kind === 'start'
      ? {
          halfYear: previousKey,
          actual: (await newPairs(db, halfYearPeriod(previousKey))).counted,
          target: (await targetsFor(previousKey, db)).newPairs,
        }
      : undefined;
  return db.$transaction((tx) =>
    emailCoordinators(tx, {
      template: 'half-year-status',
      data: {
        kind,
        halfYear,
        asOf: todayInOslo(now),
        actual: status.projection.actual,
        target: status.projection.target,
        expected: status.projection.expectedByNow,
        rematches: status.newPairs.rematches,
        rematchesCount: status.newPairs.rematchesCount,
        status: status.projection.status,
        previous,
      },
      key: (coordinatorId) => `half-year-status:${halfYear}:${kind}:${coordinatorId}`,
    }),
  );
}
