import { addDays, daysBetween, monthBounds, monthOf, type IsoDate, type MonthKey } from '~/lib/time';

/**
 * The monthly meeting target of a pair: `perMonth` (the meetingsPerMonth setting) per Oslo
 * calendar month, prorated by the days the pair is active in its first and last month.
 */
export function monthlyTarget(input: {
  perMonth: number;
  month: MonthKey;
  startDate: IsoDate;
  endDate?: IsoDate | null;
}): number {
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

export type Health = 'GREEN' | 'AMBER' | 'RED';

/** Days without a held meeting before a pair needs the coordinator's attention. */
export const QUIET_DAYS_LIMIT = 14;

/**
 * Red: no meeting held for two weeks, or an open concern. Amber: behind the month's pace, or
 * what is held and still planned does not reach the target. Green otherwise.
 */
export function pairHealth(input: {
  today: IsoDate;
  startDate: IsoDate;
  target: number;
  held: number;
  plannedAhead: number;
  lastHeldDate: IsoDate | null;
  openConcerns: number;
}): Health {
  const quietSince = input.lastHeldDate ?? input.startDate;
  if (input.openConcerns > 0 || daysBetween(quietSince, input.today) > QUIET_DAYS_LIMIT) return 'RED';
  if (input.held < expectedByNow(input.today, input.startDate, input.target)) return 'AMBER';
  if (input.held + input.plannedAhead < input.target) return 'AMBER';
  return 'GREEN';
}

/** Meetings that should have been held by today at an even pace through the month (rounded down). */
export function expectedByNow(today: IsoDate, startDate: IsoDate, target: number): number {
  const month = today.slice(0, 7);
  const active = activeDaysInMonth(month, startDate);
  if (active === 0) return 0;
  const elapsed = activeDaysInMonth(month, startDate, addDays(today, -1));
  return Math.floor((target * elapsed) / active);
}

/** At mid-month or later, fewer than half of the month's target held. */
export function behindAtMidMonth(today: IsoDate, target: number, held: number): boolean {
  return Number(today.slice(8, 10)) >= 15 && held < target / 2;
}
