import { addDays, daysBetween, osloDate, startOfOsloDay, type IsoDate } from '~/lib/time';

/**
 * The release-day protocol (#21, SPEC capability 13): the programme aims for a community
 * contact with the participant on day 0 (the release day), 1, 3 and 7 after the release. What
 * counts as a contact is defined once, in `communityContactTimes` (first-week.server.ts).
 */
export const FIRST_WEEK_DAYS = [0, 1, 3, 7] as const;
export type FirstWeekDay = (typeof FIRST_WEEK_DAYS)[number];

/** How long a participant stays on the dashboard's first-week list after the release. */
export const FIRST_WEEK_LIST_DAYS = 14;

export type FirstWeekState = 'MET' | 'MISSED' | 'UPCOMING';

export interface FirstWeekWindow {
  day: FirstWeekDay;
  /** The Oslo calendar day of the target. */
  date: IsoDate;
  /** 00:00 Oslo that day. */
  start: Date;
  /** 00:00 Oslo the next day: the target is checked once this instant is reached. */
  end: Date;
}

/**
 * The window of one target: the whole Oslo calendar day `day` days after the release date.
 * The day is Oslo's (23 or 25 hours on the DST Sundays), so a contact at 23:30 on the release
 * day counts for day 0 and one at 00:30 the next for day 1, whatever the UTC offset.
 */
export function firstWeekWindow(releaseDate: IsoDate, day: FirstWeekDay): FirstWeekWindow {
  const date = addDays(releaseDate, day);
  return { day, date, start: startOfOsloDay(date), end: startOfOsloDay(addDays(date, 1)) };
}

export function firstWeekWindows(releaseDate: IsoDate): FirstWeekWindow[] {
  return FIRST_WEEK_DAYS.map((day) => firstWeekWindow(releaseDate, day));
}

/**
 * Each target's state at `now`: met when a contact fell on its day, missed once its day is
 * over (Oslo) without one, else upcoming (also while its day is under way and nothing yet).
 */
export function firstWeekStatus(
  releaseDate: IsoDate,
  contacts: readonly Date[],
  now: Date,
): { day: FirstWeekDay; date: IsoDate; state: FirstWeekState }[] {
  return firstWeekWindows(releaseDate).map((window) => {
    const met = contacts.some((at) => at >= window.start && at < window.end);
    const state: FirstWeekState = met ? 'MET' : now >= window.end ? 'MISSED' : 'UPCOMING';
    return { day: window.day, date: window.date, state };
  });
}

/** The targets missed by `now` (their Oslo day over without a contact): what alerts the coordinator. */
export function missedFirstWeekDays(releaseDate: IsoDate, contacts: readonly Date[], now: Date): FirstWeekDay[] {
  return firstWeekStatus(releaseDate, contacts, now)
    .filter((target) => target.state === 'MISSED')
    .map((target) => target.day);
}

/**
 * The moment of release the figures count from: 00:00 Oslo on the release day. Only the day
 * of release is recorded, not the hour the person walked out.
 */
export function releaseMoment(releaseDate: IsoDate): Date {
  return startOfOsloDay(releaseDate);
}

const HOUR_MS = 3_600_000;

/** Whole hours from the release (releaseMoment) to the first contact on or after it; null without one. */
export function hoursToFirstContact(releaseDate: IsoDate, contacts: readonly Date[]): number | null {
  const from = releaseMoment(releaseDate);
  const first = contacts.filter((at) => at >= from).sort((a, b) => a.getTime() - b.getTime())[0];
  return first ? Math.floor((first.getTime() - from.getTime()) / HOUR_MS) : null;
}

/**
 * Whether the first contact came within `hours` of the release: true/false once known, null
 * while the time is not yet over and no contact has come (the participant is not counted yet).
 */
export function contactWithin(releaseDate: IsoDate, contacts: readonly Date[], hours: number, now: Date): boolean | null {
  const from = releaseMoment(releaseDate);
  const deadline = new Date(from.getTime() + hours * HOUR_MS);
  if (contacts.some((at) => at >= from && at < deadline)) return true;
  return now >= deadline ? false : null;
}

/** The released-in-the-last-14-days test of the dashboard's list (the release day itself included). */
export function releasedWithinListDays(releaseDate: IsoDate, now: Date): boolean {
  const days = daysBetween(releaseDate, osloDate(now));
  return days >= 0 && days < FIRST_WEEK_LIST_DAYS;
}
