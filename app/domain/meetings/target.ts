import { daysBetween, monthBounds, monthOf, type IsoDate, type MonthKey } from '~/lib/time';

/**
 * The monthly meeting target of a pair: `perMonth` (the meetingsPerMonth setting) per Oslo
 * calendar month, prorated by the days the pair is active in its first and last month.
 */
export function monthlyTarget(input: { perMonth: number; month: MonthKey; startDate: IsoDate; endDate?: IsoDate | null }): number {
  const { days } = monthBounds(input.month);
  return Math.round((input.perMonth * activeDaysInMonth(input.month, input.startDate, input.endDate)) / days);
}

/** Days of the month (both ends included) on which the pair was active. */
export function activeDaysInMonth(month: MonthKey, startDate: IsoDate, endDate?: IsoDate | null): number {
  const { first, last } = monthBounds(month);
  const from = startDate > first ? startDate : first;
  const to = endDate && endDate < last ? endDate : last;
  return to < from ? 0 : daysBetween(from, to) + 1;
}

/** Meetings held in an Oslo month (a meeting at 23:30 on the last day counts in that month). */
export function heldInMonth(meetings: readonly { startsAt: Date; status: string }[], month: MonthKey): number {
  return meetings.filter((meeting) => meeting.status === 'HELD' && monthOf(meeting.startsAt) === month).length;
}

/** The first 30 days after release, when the risk of relapse is highest. */
export const JUST_RELEASED_DAYS = 30;

export function isJustReleased(releaseDate: IsoDate, today: IsoDate): boolean {
  const days = daysBetween(releaseDate, today);
  return days >= 0 && days < JUST_RELEASED_DAYS;
}

/** The suggested frequency: half as much again in the just-released phase. */
export function suggestedPerMonth(perMonth: number, justReleased: boolean): number {
  return justReleased ? Math.ceil(perMonth * 1.5) : perMonth;
}

// Red/amber/green is judged in one place: ~/domain/pairs/pair-month.
