import { halfYearOf, halfYearRange, osloDate, parseHalfYear, previousHalfYear, yearRange, type InstantRange } from '~/lib/time';

/** A report period: a calendar year ("2026") or a half-year ("2026-H2"), in Oslo time. */
export interface ReportPeriod extends InstantRange {
  key: string;
  kind: 'year' | 'halfYear';
  year: number;
  /** First and last calendar day, for date-string columns. */
  firstDay: string;
  lastDay: string;
}

export function parsePeriod(key: string): ReportPeriod | null {
  if (/^\d{4}$/.test(key)) {
    const year = Number(key);
    const range = yearRange(year);
    return { key, kind: 'year', year, ...range, firstDay: `${year}-01-01`, lastDay: `${year}-12-31` };
  }
  if (/^\d{4}-H[12]$/.test(key)) {
    const range = halfYearRange(key);
    return {
      key,
      kind: 'halfYear',
      year: parseHalfYear(key).year,
      ...range,
      firstDay: osloDate(range.start),
      lastDay: osloDate(new Date(range.end.getTime() - 1)),
    };
  }
  return null;
}

/** The periods offered: this and the previous three half-years, this year and last year. */
export function periodChoices(now: Date): string[] {
  const current = halfYearOf(now);
  const halfYears = [current];
  for (let earlier = previousHalfYear(current); halfYears.length < 4; earlier = previousHalfYear(earlier)) halfYears.push(earlier);
  const { year } = parseHalfYear(current);
  return [...halfYears, String(year), String(year - 1)];
}
