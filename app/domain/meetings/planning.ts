import { addDays, monthBounds, weekdayOf, type IsoDate, type MonthKey } from '~/lib/time';
import { COMMUNITY_PLACE_TYPES, type PlaceType } from './constants';

/** Before the release date only prison visits; from it, the community types. */
/** Never empty: the first is the one to offer. */
export function allowedPlaceTypes(releaseDate: IsoDate, meetingDate: IsoDate): readonly [PlaceType, ...PlaceType[]] {
  return meetingDate < releaseDate ? ['PRISON_VISIT'] : COMMUNITY_PLACE_TYPES;
}

/** A meeting in the future cannot be logged as held (cancellations may be logged in advance). */
export function canLogOutcome(outcome: string, startsAt: Date, now: Date): boolean {
  return outcome !== 'HELD' && outcome !== 'NO_SHOW' ? true : startsAt.getTime() <= now.getTime();
}

/**
 * "Plan this month": `count` dates from tomorrow (or the month's first day) to the month's
 * end, on the preferred weekday each week when there is room for that, otherwise spread
 * evenly; days that already have a meeting are skipped.
 */
export function proposeDates(input: {
  month: MonthKey;
  today: IsoDate;
  count: number;
  preferredWeekday: number;
  taken: readonly IsoDate[];
}): IsoDate[] {
  const { first, last } = monthBounds(input.month);
  const tomorrow = addDays(input.today, 1);
  const from = tomorrow > first ? tomorrow : first;
  const free: IsoDate[] = [];
  for (let date = from; date <= last; date = addDays(date, 1)) {
    if (!input.taken.includes(date)) free.push(date);
  }
  if (input.count <= 0 || free.length === 0) return [];
  const onWeekday = free.filter((date) => weekdayOf(date) === input.preferredWeekday);
  if (onWeekday.length >= input.count) return onWeekday.slice(0, input.count);
  const count = Math.min(input.count, free.length);
  const step = free.length / count;
  // index · step < count · step = free.length, so every index is in the list.
  return Array.from({ length: count }, (_, index) => free[Math.floor(index * step)]!);
}
