import { currentTime } from '~/lib/clock';

/**
 * Every date rule of the programme (month, half-year, "today", ages, reminders) is judged
 * in Europe/Oslo, whatever the server's own time zone. Instants are stored in UTC; calendar
 * dates travel as ISO "YYYY-MM-DD" strings. The zone arithmetic (DST included) uses Intl only,
 * so this module is as small in the browser as it is fast on the server.
 */
export const OSLO = 'Europe/Oslo';

export type IsoDate = string; // YYYY-MM-DD
export type MonthKey = string; // YYYY-MM
export type HalfYearKey = string; // YYYY-H1 | YYYY-H2

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

const OSLO_DATE = new Intl.DateTimeFormat('en-GB', { timeZone: OSLO, year: 'numeric', month: '2-digit', day: '2-digit' });
const DAY_MS = 24 * 60 * 60 * 1000;

export function isIsoDate(value: string): boolean {
  if (!ISO_DATE.test(value)) return false;
  try {
    calendarParts(value);
    return true;
  } catch {
    return false;
  }
}

/** The Oslo calendar date of an instant. */
export function osloDate(instant: Date): IsoDate {
  const parts = OSLO_DATE.formatToParts(instant);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)!.value;
  return `${part('year')}-${part('month')}-${part('day')}`;
}

export function todayInOslo(now: Date = currentTime()): IsoDate {
  return osloDate(now);
}

/** The Oslo calendar month ("2026-03") an instant falls in. */
export function monthOf(instant: Date): MonthKey {
  return osloDate(instant).slice(0, 7);
}

/** January–June is H1, July–December is H2, in Oslo time. */
export function halfYearOf(instant: Date): HalfYearKey {
  return halfYearOfDate(osloDate(instant));
}

export function halfYearOfDate(date: IsoDate): HalfYearKey {
  const { year, month } = calendarParts(date);
  return `${year}-H${month <= 6 ? 1 : 2}`;
}

export interface InstantRange {
  /** inclusive */
  start: Date;
  /** exclusive */
  end: Date;
}

/** From the start of Oslo's day `first` to the start of the day `months` later. */
function monthsFrom(first: IsoDate, months: number): InstantRange {
  return { start: startOfOsloDay(first), end: startOfOsloDay(addMonths(first, months)) };
}

export function monthRange(month: MonthKey): InstantRange {
  return monthsFrom(monthBounds(month).first, 1);
}

export function parseHalfYear(key: HalfYearKey): { year: number; half: 1 | 2 } {
  const match = /^(\d{4})-H([12])$/.exec(key);
  if (!match) throw new RangeError(`Not a half-year: ${key}`);
  return { year: Number(match[1]), half: match[2] === '1' ? 1 : 2 };
}

export function halfYearRange(key: HalfYearKey): InstantRange {
  const { year, half } = parseHalfYear(key);
  return monthsFrom(isoDate(year, half === 1 ? 1 : 7, 1), 6);
}

export function yearRange(year: number): InstantRange {
  return monthsFrom(isoDate(year, 1, 1), 12);
}

export function previousHalfYear(key: HalfYearKey): HalfYearKey {
  const { year, half } = parseHalfYear(key);
  return half === 2 ? `${year}-H1` : `${year - 1}-H2`;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function daysInMonth(year: number, month: number): number {
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const days = DAYS_IN_MONTH[month - 1];
  if (days === undefined) throw new RangeError(`Not a month: ${month}`);
  return month === 2 && leap ? 29 : days;
}

/** Year, month and day of a calendar date, without time zones (calendar arithmetic only). */
function calendarParts(date: IsoDate): { year: number; month: number; day: number } {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const [year, month, day] = match ? [Number(match[1]), Number(match[2]), Number(match[3])] : [0, 0, 0];
  if (!match || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    throw new RangeError(`Not a calendar date: ${date}`);
  }
  return { year, month, day };
}

/**
 * Completed years on a date. Someone born 29 February has a birthday on 1 March in common
 * years. Pure calendar arithmetic (no zone), so it is cheap enough for ranking thousands.
 */
export function ageOn(dateOfBirth: IsoDate, onDate: IsoDate): number {
  const born = calendarParts(dateOfBirth);
  const on = calendarParts(onDate);
  const hadBirthday = on.month > born.month || (on.month === born.month && on.day >= born.day);
  return on.year - born.year - (hadBirthday ? 0 : 1);
}

function utcDays(date: IsoDate): number {
  const { year, month, day } = calendarParts(date);
  return Date.UTC(year, month - 1, day) / DAY_MS;
}

function isoDate(year: number, month: number, day: number): IsoDate {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export function addDays(date: IsoDate, days: number): IsoDate {
  const shifted = new Date((utcDays(date) + days) * DAY_MS);
  return isoDate(shifted.getUTCFullYear(), shifted.getUTCMonth() + 1, shifted.getUTCDate());
}

/** The same day `months` later, or the month's last day when it is shorter (31 January + 1 → 28/29 February). */
export function addMonths(date: IsoDate, months: number): IsoDate {
  const { year, month, day } = calendarParts(date);
  const index = year * 12 + month - 1 + months;
  const toYear = Math.floor(index / 12);
  const toMonth = index - toYear * 12 + 1;
  return isoDate(toYear, toMonth, Math.min(day, daysInMonth(toYear, toMonth)));
}

/** Whole calendar days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return utcDays(to) - utcDays(from);
}

const OSLO_WALL = new Intl.DateTimeFormat('en-GB', {
  timeZone: OSLO,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});
const LOCAL_TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;
const MINUTE_MS = 60_000;

/** The Oslo wall clock of an instant as "YYYY-MM-DDTHH:mm". */
function osloWall(ms: number): string {
  const parts = OSLO_WALL.formatToParts(ms);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)!.value;
  return `${part('year')}-${part('month')}-${part('day')}T${part('hour')}:${part('minute')}`;
}

/** Oslo's offset from UTC at an instant, in minutes. */
function osloOffsetMinutes(ms: number): number {
  const wall = osloWall(ms);
  const local = Date.UTC(
    Number(wall.slice(0, 4)),
    Number(wall.slice(5, 7)) - 1,
    Number(wall.slice(8, 10)),
    Number(wall.slice(11, 13)),
    Number(wall.slice(14, 16)),
  );
  return Math.round((local - Math.floor(ms / MINUTE_MS) * MINUTE_MS) / MINUTE_MS);
}

/** Every instant (earliest first) at which Oslo's clock shows this date and time: none in the spring gap, two in the autumn hour. */
function osloCandidates(date: IsoDate, time: string): number[] {
  const { year, month, day } = calendarParts(date);
  const match = LOCAL_TIME.exec(time);
  if (!match) throw new RangeError(`Not a local time: ${time}`);
  const naive = Date.UTC(year, month - 1, day, Number(match[1]), Number(match[2]));
  // The offsets in force a day either side cover both sides of any change that night.
  const offsets = new Set([osloOffsetMinutes(naive - DAY_MS), osloOffsetMinutes(naive), osloOffsetMinutes(naive + DAY_MS)]);
  const wanted = `${date}T${time}`;
  return [...new Set([...offsets].map((offset) => naive - offset * MINUTE_MS))]
    .filter((ms) => osloWall(ms) === wanted)
    .sort((a, b) => a - b);
}

function shiftTime(time: string, minutes: number): string {
  const match = LOCAL_TIME.exec(time)!;
  const total = Number(match[1]) * 60 + Number(match[2]) + minutes;
  return `${String(Math.floor(total / 60)).padStart(2, '0')}:${String(total % 60).padStart(2, '0')}`;
}

/** The run of wall-clock times around `time` on `date` that have `count` instants, e.g. 02:00–02:59. */
function runOf(date: IsoDate, time: string, count: number): { from: string; to: string } {
  let from = time;
  while (from !== '00:00' && osloCandidates(date, shiftTime(from, -1)).length === count) from = shiftTime(from, -1);
  let to = time;
  while (to !== '23:59' && osloCandidates(date, shiftTime(to, 1)).length === count) to = shiftTime(to, 1);
  return { from, to };
}

/** Which occurrence of an autumn hour is meant: the first is still summer time, the second is winter time. */
export type Occurrence = 'first' | 'second';
export const OCCURRENCES: readonly Occurrence[] = ['first', 'second'];

export type OsloTimeResolution =
  | { kind: 'exact'; instant: Date }
  /** The clocks jump over this time that night (spring): `from`–`to` do not exist. */
  | { kind: 'gap'; from: string; to: string }
  /** The clocks show this time twice that night (autumn): first in summer time, then in winter time. */
  | { kind: 'fold'; first: Date; second: Date; from: string; to: string };

/** What an Oslo date and wall-clock time ("HH:mm") mean, across both DST changes. */
export function resolveOsloTime(date: IsoDate, time: string): OsloTimeResolution {
  const candidates = osloCandidates(date, time);
  const [first] = candidates;
  const last = candidates.at(-1);
  if (first === undefined || last === undefined) return { kind: 'gap', ...runOf(date, time, 0) };
  if (candidates.length === 1) return { kind: 'exact', instant: new Date(first) };
  return { kind: 'fold', first: new Date(first), second: new Date(last), ...runOf(date, time, 2) };
}

/**
 * The instant of an Oslo wall-clock time, e.g. a meeting planned for 18:00 on a date. A time
 * in the spring gap is refused (RangeError; forms check with `resolveOsloTime` first and say
 * so next to the field); in the autumn hour, `occurrence` picks summer time (first, the
 * default, as calendars read it) or winter time (second).
 */
export function osloInstant(date: IsoDate, time: string, occurrence: Occurrence = 'first'): Date {
  const resolved = resolveOsloTime(date, time);
  if (resolved.kind === 'gap') throw new RangeError(`Not a local time in Oslo: ${date} ${time}`);
  if (resolved.kind === 'exact') return resolved.instant;
  return occurrence === 'second' ? resolved.second : resolved.first;
}

/** Which occurrence of its wall-clock time an instant is, or null when that time happens once. */
export function occurrenceOf(instant: Date): Occurrence | null {
  const ms = instant.getTime();
  const wall = osloWall(ms);
  // Fast path: a wall-clock time is shown twice only where the offset differs an hour either side.
  if (osloOffsetMinutes(ms - 3_600_000) === osloOffsetMinutes(ms + 3_600_000)) return null;
  const resolved = resolveOsloTime(wall.slice(0, 10), wall.slice(11, 16));
  if (resolved.kind !== 'fold') return null;
  return Math.floor(ms / MINUTE_MS) === Math.floor(resolved.first.getTime() / MINUTE_MS) ? 'first' : 'second';
}

/** The Oslo wall-clock time ("HH:mm") of an instant. */
export function osloTime(instant: Date): string {
  return osloWall(instant.getTime()).slice(11);
}

/** The instant Oslo's day begins (00:00 local, which DST never skips in Norway). */
export function startOfOsloDay(date: IsoDate): Date {
  return osloInstant(date, '00:00');
}

export type Language = 'nb' | 'en';

const LOCALES: Record<Language, string> = { nb: 'nb-NO', en: 'en-GB' };

// Pages format dozens of dates per view: one Intl formatter per language and style is reused.
function formatters(timeZone: string, options: Intl.DateTimeFormatOptions): Record<Language, Intl.DateTimeFormat> {
  return {
    nb: new Intl.DateTimeFormat(LOCALES.nb, { ...options, timeZone }),
    en: new Intl.DateTimeFormat(LOCALES.en, { ...options, timeZone }),
  };
}

const DATE_OPTIONS: Intl.DateTimeFormatOptions = { year: 'numeric', month: 'short', day: 'numeric' };
const INSTANT_DATE_FORMAT = formatters(OSLO, DATE_OPTIONS);
// A calendar date has no zone: it is formatted as that day in UTC.
const CALENDAR_DATE_FORMAT = formatters('UTC', DATE_OPTIONS);
const DATE_TIME_FORMAT = formatters(OSLO, { ...DATE_OPTIONS, weekday: 'short', hour: '2-digit', minute: '2-digit' });
const MONTH_FORMAT = formatters('UTC', { year: 'numeric', month: 'long' });

export function formatDate(date: IsoDate | Date, language: Language): string {
  if (typeof date !== 'string') return INSTANT_DATE_FORMAT[language].format(date);
  return CALENDAR_DATE_FORMAT[language].format(utcDays(date) * DAY_MS);
}

// Said after a time the clocks show twice (the autumn night), so a page, an email and the
// calendar entry name the same hour.
const OCCURRENCE_NAMES: Record<Language, Record<Occurrence, string>> = {
  nb: { first: 'sommertid', second: 'vintertid' },
  en: { first: 'summer time', second: 'winter time' },
};

export function formatDateTime(instant: Date, language: Language): string {
  const text = DATE_TIME_FORMAT[language].format(instant);
  const occurrence = occurrenceOf(instant);
  return occurrence ? `${text} (${OCCURRENCE_NAMES[language][occurrence]})` : text;
}

/** "mars 2026" / "March 2026". */
export function formatMonth(month: MonthKey, language: Language): string {
  const { first } = monthBounds(month);
  return MONTH_FORMAT[language].format(utcDays(first) * DAY_MS);
}

/** The first and last calendar date of an Oslo month and how many days it has. */
function monthParts(month: MonthKey): { year: number; month: number } {
  const match = /^(\d{4})-(\d{2})$/.exec(month);
  const parts = match ? { year: Number(match[1]), month: Number(match[2]) } : null;
  if (!parts || parts.month < 1 || parts.month > 12) throw new RangeError(`Not a month: ${month}`);
  return parts;
}

export function monthBounds(month: MonthKey): { first: IsoDate; last: IsoDate; days: number } {
  const { year, month: number } = monthParts(month);
  const days = daysInMonth(year, number);
  return { first: isoDate(year, number, 1), last: isoDate(year, number, days), days };
}

export function shiftMonth(month: MonthKey, months: number): MonthKey {
  return addMonths(`${month}-01`, months).slice(0, 7);
}

/** ISO weekday of a calendar date: 1 = Monday … 7 = Sunday. */
export function weekdayOf(date: IsoDate): number {
  return ((new Date(utcDays(date) * DAY_MS).getUTCDay() + 6) % 7) + 1;
}
