import { addDays, daysBetween, monthBounds, monthOf, type IsoDate, type MonthKey } from '~/lib/time';

/**
 * A pause of a pair (ON_HOLD): from its first day on hold up to, not including, the day it
 * resumed (`untilDate`); open (`null`) while the pair is on hold. Days on hold carry no target.
 */
export interface HoldSpan {
  fromDate: IsoDate;
  untilDate: IsoDate | null;
}

/**
 * The first 30 days after the participant's release (#21): their days carry the raised target,
 * `perMonth` (the justReleasedMeetingsPerMonth setting, 6 by default) instead of the usual one.
 */
export interface JustReleasedTarget {
  releaseDate: IsoDate;
  perMonth: number;
}

/**
 * The monthly meeting target of a pair: `perMonth` (the meetingsPerMonth setting) per Oslo
 * calendar month, prorated by the days the pair is active in its first and last month and by
 * the days it is on hold: a month wholly on hold has no target. Days in the participant's first
 * 30 days out (`justReleased`) count at the raised rate (never lower than the usual one), so a
 * month the release falls in is raised for its days after the release only.
 */
export function monthlyTarget(input: {
  perMonth: number;
  month: MonthKey;
  startDate: IsoDate;
  endDate?: IsoDate | null;
  holds?: readonly HoldSpan[];
  justReleased?: JustReleasedTarget | null;
}): number {
  const { days } = monthBounds(input.month);
  const active = activeDaysInMonth(input.month, input.startDate, input.endDate, input.holds);
  const raised = input.justReleased
    ? justReleasedDaysInMonth(input.month, input.startDate, input.endDate, input.holds, input.justReleased)
    : 0;
  const raisedPerMonth = Math.max(input.perMonth, input.justReleased?.perMonth ?? input.perMonth);
  return Math.round((input.perMonth * (active - raised) + raisedPerMonth * raised) / days);
}

/** The settings a month's target reads: meetingsPerMonth and justReleasedMeetingsPerMonth. */
export interface TargetRates {
  perMonth: number;
  justReleasedPerMonth: number;
}

/**
 * A pair as its month's target reads it. Every input is required, so no caller can leave out
 * the holds or the release date (in force: releaseDateInForce) and get a different target.
 */
export interface PairForTarget {
  startDate: IsoDate;
  endDate: IsoDate | null;
  holds: readonly HoldSpan[];
  /** The participant's release date in force; null only where there is none to read. */
  releaseDate: IsoDate | null;
}

/**
 * THE meeting target of a pair's month, the one definition behind every "held against target":
 * the pair-month verdict (dashboard, /pairs, the pair page, /me, the digests and the monthly
 * compliance summary), the pair-months at target and the monthly trends on /reports, the funder
 * report's target per pair-month and "plan this month".
 */
export function pairMonthTarget(rates: TargetRates, pair: PairForTarget, month: MonthKey): number {
  return monthlyTarget({
    perMonth: rates.perMonth,
    month,
    startDate: pair.startDate,
    endDate: pair.endDate,
    holds: pair.holds,
    justReleased: pair.releaseDate ? { releaseDate: pair.releaseDate, perMonth: rates.justReleasedPerMonth } : null,
  });
}

/** Active days of the month that fall in the first JUST_RELEASED_DAYS days from the release date. */
function justReleasedDaysInMonth(
  month: MonthKey,
  startDate: IsoDate,
  endDate: IsoDate | null | undefined,
  holds: readonly HoldSpan[] | undefined,
  justReleased: JustReleasedTarget,
): number {
  const from = justReleased.releaseDate > startDate ? justReleased.releaseDate : startDate;
  const lastRaised = addDays(justReleased.releaseDate, JUST_RELEASED_DAYS - 1);
  const to = endDate && endDate < lastRaised ? endDate : lastRaised;
  return to < from ? 0 : activeDaysInMonth(month, from, to, holds);
}

/** The pair's days in the month (both ends included): from its start to its end, month-bounded; null when none. */
function pairDaysInMonth(month: MonthKey, startDate: IsoDate, endDate?: IsoDate | null): { from: IsoDate; to: IsoDate } | null {
  const { first, last } = monthBounds(month);
  const from = startDate > first ? startDate : first;
  const to = endDate && endDate < last ? endDate : last;
  return to < from ? null : { from, to };
}

/** Days from `from` to `to` (both included) that fall within the hold. */
function holdDaysWithin(from: IsoDate, to: IsoDate, hold: HoldSpan): number {
  const start = hold.fromDate > from ? hold.fromDate : from;
  const lastOnHold = hold.untilDate === null ? to : addDays(hold.untilDate, -1);
  const end = lastOnHold < to ? lastOnHold : to;
  return end < start ? 0 : daysBetween(start, end) + 1;
}

/** Days of the month (both ends included) on which the pair was active: started, not ended, not on hold. */
export function activeDaysInMonth(month: MonthKey, startDate: IsoDate, endDate?: IsoDate | null, holds: readonly HoldSpan[] = []): number {
  const span = pairDaysInMonth(month, startDate, endDate);
  if (!span) return 0;
  const onHold = holds.reduce((total, hold) => total + holdDaysWithin(span.from, span.to, hold), 0);
  return Math.max(0, daysBetween(span.from, span.to) + 1 - onHold);
}

/** Days of the month on which the pair was on hold (within its own days). */
export function holdDaysInMonth(
  month: MonthKey,
  startDate: IsoDate,
  endDate: IsoDate | null | undefined,
  holds: readonly HoldSpan[],
): number {
  const span = pairDaysInMonth(month, startDate, endDate);
  if (!span) return 0;
  return holds.reduce((total, hold) => total + holdDaysWithin(span.from, span.to, hold), 0);
}

/** The hold the pair is in on `date`, if any. */
export function holdOn(date: IsoDate, holds: readonly HoldSpan[]): HoldSpan | null {
  return holds.find((hold) => hold.fromDate <= date && (hold.untilDate === null || date < hold.untilDate)) ?? null;
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

// Red/amber/green is judged in one place: ~/domain/pairs/pair-month.
