import { message } from './messages/dictionary';
import {
  daysBetween,
  formatDate,
  formatDateTime,
  formatMonth,
  isIsoDate,
  parseHalfYear,
  type HalfYearKey,
  type IsoDate,
  type Language,
} from './time';

/**
 * How a person reads dates, half-years, months, numbers and relative days, in bokmål and
 * English (isomorphic: the same on the server, in emails and in the browser). A person never
 * reads an ISO date, a "2026-H2" key or "8.4" in Norwegian. Calendar rules stay in time.ts.
 */
export { formatDate, formatDateTime, formatMonth };

const LOCALES: Record<Language, string> = { nb: 'nb-NO', en: 'en-GB' };

function fill(template: string, params: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/** The message and its year that name a half-year ("2026-H2" → "2. halvår 2026"): the one half-year label. */
export function halfYearMessage(key: HalfYearKey): { message: 'recruitment.halfYear.1' | 'recruitment.halfYear.2'; year: number } {
  const { year, half } = parseHalfYear(key);
  return { message: half === 1 ? 'recruitment.halfYear.1' : 'recruitment.halfYear.2', year };
}

/** "1. halvår 2026" / "first half of 2026". */
export function formatHalfYear(key: HalfYearKey, language: Language): string {
  const label = halfYearMessage(key);
  return fill(message(language, label.message), { year: label.year });
}

const numberFormats = new Map<string, Intl.NumberFormat>();

/** A number with the language's decimal sign: "8,4" in bokmål, "8.4" in English. */
export function formatNumber(
  value: number,
  language: Language,
  options: { maximumFractionDigits?: number; minimumFractionDigits?: number } = {},
): string {
  const max = options.maximumFractionDigits ?? 1;
  const min = Math.min(options.minimumFractionDigits ?? 0, max);
  const cacheKey = `${language}:${min}:${max}`;
  let format = numberFormats.get(cacheKey);
  if (!format) {
    format = new Intl.NumberFormat(LOCALES[language], { minimumFractionDigits: min, maximumFractionDigits: max });
    numberFormats.set(cacheKey, format);
  }
  return format.format(value);
}

/** A share (0.42) as a percentage: "42 %" / "42%". */
export function formatPercent(share: number, language: Language, fractionDigits = 0): string {
  const value = formatNumber(share * 100, language, { maximumFractionDigits: fractionDigits });
  return language === 'nb' ? `${value} %` : `${value}%`;
}

const moneyFormats = new Map<Language, Intl.NumberFormat>();

/** An amount in øre as kroner: "12 345,50 kr" in bokmål, "NOK 12,345.50" in English (whole kroner without decimals). */
export function formatNok(amountOre: number, language: Language): string {
  let format = moneyFormats.get(language);
  if (!format) {
    format = new Intl.NumberFormat(LOCALES[language], {
      style: 'currency',
      currency: 'NOK',
      minimumFractionDigits: 2,
      maximumFractionDigits: 2,
    });
    moneyFormats.set(language, format);
  }
  const text = format.format(amountOre / 100);
  return amountOre % 100 === 0 ? text.replace(/[,.]00(?=\D*$)/, '') : text;
}

/**
 * A calendar date relative to today, with the right tense: "i dag", "i går", "i morgen",
 * "om 3 dager", "for 3 dager siden" / "today", "yesterday", "tomorrow", "in 3 days", "3 days ago".
 */
export function formatRelativeDays(date: IsoDate, today: IsoDate, language: Language): string {
  return formatDaysFromToday(daysBetween(today, date), language);
}

/** The same for a day count: positive in the future, negative in the past. */
export function formatDaysFromToday(days: number, language: Language): string {
  if (days === 0) return message(language, 'format.today');
  if (days === -1) return message(language, 'format.yesterday');
  if (days === 1) return message(language, 'format.tomorrow');
  return fill(message(language, days > 0 ? 'format.inDays' : 'format.daysAgo'), { days: Math.abs(days) });
}

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;
const HALF_YEAR = /^\d{4}-H[12]$/;
const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/**
 * A message parameter as a person reads it. Message parameters often carry values as they
 * are stored (a flash's "2026-H2", an error's "2026-08-01", a rate of 8.4); every message
 * goes through here, so none reaches the page, an email or a form error in raw form.
 * Whole numbers stay as they are (a year is "2026", not "2 026").
 */
export function formatParam(value: string | number, language: Language): string {
  if (typeof value === 'number') return Number.isInteger(value) ? String(value) : formatNumber(value, language);
  if (value.length > 30) return value;
  if (isIsoDate(value)) return formatDate(value, language);
  if (HALF_YEAR.test(value)) return formatHalfYear(value, language);
  if (MONTH.test(value)) return formatMonth(value, language);
  if (ISO_INSTANT.test(value)) {
    const instant = new Date(value);
    if (!Number.isNaN(instant.getTime())) return formatDateTime(instant, language);
  }
  return value;
}
