import { halfYearOf, parseHalfYear, previousHalfYear, type HalfYearKey } from '~/lib/time';

function nextHalfYear(key: HalfYearKey): HalfYearKey {
  const { year, half } = parseHalfYear(key);
  return half === 1 ? `${year}-H2` : `${year + 1}-H1`;
}

/** The half-years that can be given targets: the two before this one, this one and the next two. */
export function targetHalfYears(now: Date): HalfYearKey[] {
  const current = halfYearOf(now);
  const previous = previousHalfYear(current);
  return [previousHalfYear(previous), previous, current, nextHalfYear(current), nextHalfYear(nextHalfYear(current))];
}

export function isTargetHalfYear(halfYear: string, now: Date): boolean {
  return targetHalfYears(now).includes(halfYear);
}

/** The half-year the settings page shows: the one asked for when it can get targets, else this one. */
export function shownTargetHalfYear(requested: string | null, now: Date): HalfYearKey {
  return requested && isTargetHalfYear(requested, now) ? requested : halfYearOf(now);
}
