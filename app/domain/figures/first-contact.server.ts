import type { Tx } from '~/lib/db.server';
import { currentTime } from '~/lib/clock';
import { todayInOslo } from '~/lib/time';
import { communityContactTimes, releasedParticipants } from '~/domain/pairs/first-week.server';
import { contactWithin, hoursToFirstContact, releaseMoment } from '~/domain/pairs/first-week';
import type { ReportPeriod } from './period';

export interface FirstContactFigures {
  /** Participants released in the period (up to today) with a pair running on the release day. */
  released: number;
  /** Median whole hours from the release to the first community contact, of those with one; null without any. */
  medianHours: number | null;
  /** First contact within 72 hours: met, of those whose 72 hours are over or who were met. */
  within72Hours: { met: number; of: number; percent: number };
  /** First contact within 7 days (168 hours): as above. */
  within7Days: { met: number; of: number; percent: number };
}

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : Math.round((sorted[middle - 1]! + sorted[middle]!) / 2);
}

function share(results: (boolean | null)[]): { met: number; of: number; percent: number } {
  const known = results.filter((result): result is boolean => result !== null);
  const met = known.filter(Boolean).length;
  return { met, of: known.length, percent: known.length === 0 ? 0 : Math.round((met * 1000) / known.length) / 10 };
}

/**
 * THE release-to-first-contact figures (#21, decision 009): for the participants released in
 * the period (the cohort of the release-day protocol, `releasedParticipants`), the hours from
 * the release (00:00 Oslo on the day) to the first community contact (`communityContactTimes`),
 * and the shares reached within 72 hours and within 7 days. A participant whose window is not
 * over yet and who has had no contact is not counted in a share until it is. /reports, its
 * CSV and the workbook show these.
 */
export async function firstContactFigures(db: Tx, period: ReportPeriod, now = currentTime()): Promise<FirstContactFigures> {
  const today = todayInOslo(now);
  const lastDay = period.lastDay < today ? period.lastDay : today;
  const released = period.firstDay > lastDay ? [] : await releasedParticipants(db, period.firstDay, lastDay);
  const contacts = await communityContactTimes(
    db,
    released.map((row) => row.participantId),
    releaseMoment(period.firstDay),
  );
  const own = (participantId: string) => contacts.get(participantId) ?? [];
  const hours = released.map((row) => hoursToFirstContact(row.releaseDate, own(row.participantId))).filter((value) => value !== null);
  return {
    released: released.length,
    medianHours: median(hours),
    within72Hours: share(released.map((row) => contactWithin(row.releaseDate, own(row.participantId), 72, now))),
    within7Days: share(released.map((row) => contactWithin(row.releaseDate, own(row.participantId), 7 * 24, now))),
  };
}
