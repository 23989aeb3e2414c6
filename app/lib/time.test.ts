import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  ageOn,
  daysBetween,
  formatDateTime,
  formatMonth,
  halfYearOf,
  isIsoDate,
  monthBounds,
  halfYearRange,
  monthOf,
  monthRange,
  osloDate,
  occurrenceOf,
  osloInstant,
  resolveOsloTime,
  osloTime,
  startOfOsloDay,
  yearRange,
  previousHalfYear,
  shiftMonth,
  todayInOslo,
  weekdayOf,
} from './time';

describe('Oslo calendar of an instant', () => {
  it('puts 23:30 Oslo time on the last day of a month in that month (summer, UTC+2)', () => {
    const instant = new Date('2026-06-30T21:30:00Z'); // 23:30 in Oslo
    expect(monthOf(instant)).toBe('2026-06');
    expect(halfYearOf(instant)).toBe('2026-H1');
    expect(osloDate(instant)).toBe('2026-06-30');
  });

  it('puts 00:30 Oslo time on the first of a month in the new month, though UTC is still in the old one', () => {
    const instant = new Date('2026-06-30T22:30:00Z'); // 00:30 on 1 July in Oslo
    expect(monthOf(instant)).toBe('2026-07');
    expect(halfYearOf(instant)).toBe('2026-H2');
    expect(todayInOslo(instant)).toBe('2026-07-01');
  });

  it('handles the year boundary in winter time (UTC+1)', () => {
    expect(monthOf(new Date('2026-12-31T22:59:59Z'))).toBe('2026-12');
    expect(monthOf(new Date('2026-12-31T23:00:00Z'))).toBe('2027-01');
    expect(halfYearOf(new Date('2026-12-31T23:00:00Z'))).toBe('2027-H1');
  });

  it('gives month ranges whose length follows DST (March loses an hour, October gains one)', () => {
    const march = monthRange('2026-03');
    expect(march.start.toISOString()).toBe('2026-02-28T23:00:00.000Z');
    expect(march.end.toISOString()).toBe('2026-03-31T22:00:00.000Z');
    const hours = (march.end.getTime() - march.start.getTime()) / 3_600_000;
    expect(hours).toBe(31 * 24 - 1);
    const october = monthRange('2026-10');
    expect((october.end.getTime() - october.start.getTime()) / 3_600_000).toBe(31 * 24 + 1);
  });

  it('gives half-year ranges and the previous half-year', () => {
    const h2 = halfYearRange('2026-H2');
    expect(h2.start.toISOString()).toBe('2026-06-30T22:00:00.000Z');
    expect(h2.end.toISOString()).toBe('2026-12-31T23:00:00.000Z');
    expect(previousHalfYear('2026-H1')).toBe('2025-H2');
    expect(previousHalfYear('2026-H2')).toBe('2026-H1');
  });
});

describe('wall-clock times across DST changes', () => {
  it('keeps 18:00 on the spring-forward day (29 March 2026) and the day before', () => {
    expect(osloInstant('2026-03-28', '18:00').toISOString()).toBe('2026-03-28T17:00:00.000Z');
    expect(osloInstant('2026-03-29', '18:00').toISOString()).toBe('2026-03-29T16:00:00.000Z');
    expect(osloTime(osloInstant('2026-03-29', '18:00'))).toBe('18:00');
  });

  it('keeps 18:00 on the fall-back day (25 October 2026)', () => {
    expect(osloInstant('2026-10-25', '18:00').toISOString()).toBe('2026-10-25T17:00:00.000Z');
    expect(osloTime(osloInstant('2026-10-25', '18:00'))).toBe('18:00');
  });

  it('counts calendar days, not 24-hour periods, across a DST change', () => {
    expect(daysBetween('2026-03-28', '2026-03-30')).toBe(2);
    expect(addDays('2026-10-24', 1)).toBe('2026-10-25');
    expect(addDays('2026-10-25', 1)).toBe('2026-10-26');
  });
});

describe('age on a date', () => {
  it('turns 18 on the 18th birthday, not the day before', () => {
    expect(ageOn('2008-11-22', '2026-11-22')).toBe(18);
    expect(ageOn('2008-11-23', '2026-11-22')).toBe(17);
  });

  it('turns 25 on the 25th birthday', () => {
    expect(ageOn('2001-11-22', '2026-11-22')).toBe(25);
    expect(ageOn('2001-11-23', '2026-11-22')).toBe(24);
  });

  it('lets someone born 29 February have their birthday on 1 March in common years', () => {
    expect(ageOn('2004-02-29', '2026-02-28')).toBe(21);
    expect(ageOn('2004-02-29', '2026-03-01')).toBe(22);
    expect(ageOn('2004-02-29', '2028-02-29')).toBe(24);
  });

  it('refuses something that is not a date', () => {
    expect(() => ageOn('2004-02-30', '2026-01-01')).toThrow(RangeError);
  });
});

describe('month bounds, shifting and weekdays', () => {
  it('knows the length of February in leap and common years', () => {
    expect(monthBounds('2028-02')).toEqual({ first: '2028-02-01', last: '2028-02-29', days: 29 });
    expect(monthBounds('2026-02').days).toBe(28);
  });

  it('shifts months across the year boundary and names weekdays', () => {
    expect(shiftMonth('2026-12', 1)).toBe('2027-01');
    expect(shiftMonth('2026-01', -1)).toBe('2025-12');
    expect(weekdayOf('2026-11-22')).toBe(7);
    expect(weekdayOf('2026-11-23')).toBe(1);
  });
});

describe('the spring gap and the autumn hour', () => {
  // 2026: 29 March and 25 October; 2027: 28 March and 31 October (last Sundays).
  it.each([
    ['2026-03-29', '2026-03-29T01:00:00.000Z'],
    ['2027-03-28', '2027-03-28T01:00:00.000Z'],
  ])('says that 02:00–02:59 does not exist on %s, and 03:00 is the change', (date, change) => {
    for (const time of ['02:00', '02:30', '02:59']) {
      expect(resolveOsloTime(date, time)).toEqual({ kind: 'gap', from: '02:00', to: '02:59' });
      expect(() => osloInstant(date, time)).toThrow(RangeError);
    }
    expect(resolveOsloTime(date, '01:59')).toEqual({ kind: 'exact', instant: new Date(Date.parse(change) - 60_000) });
    expect(resolveOsloTime(date, '03:00')).toEqual({ kind: 'exact', instant: new Date(change) });
    expect(occurrenceOf(new Date(change))).toBeNull();
  });

  it.each([
    ['2026-10-25', '2026-10-25T00:30:00.000Z', '2026-10-25T01:30:00.000Z'],
    ['2027-10-31', '2027-10-31T00:30:00.000Z', '2027-10-31T01:30:00.000Z'],
  ])('gives 02:30 on %s two instants: summer time first, winter time second', (date, first, second) => {
    const resolved = resolveOsloTime(date, '02:30');
    expect(resolved).toEqual({ kind: 'fold', first: new Date(first), second: new Date(second), from: '02:00', to: '02:59' });
    expect(osloInstant(date, '02:30').toISOString()).toBe(first);
    expect(osloInstant(date, '02:30', 'first').toISOString()).toBe(first);
    expect(osloInstant(date, '02:30', 'second').toISOString()).toBe(second);
    expect(occurrenceOf(new Date(first))).toBe('first');
    expect(occurrenceOf(new Date(second))).toBe('second');
    expect(osloTime(new Date(second))).toBe('02:30');
    expect(resolveOsloTime(date, '01:59').kind).toBe('exact');
    expect(resolveOsloTime(date, '03:00').kind).toBe('exact');
  });

  it('has no gap or fold on ordinary nights, nor at 02:30 the Sunday before', () => {
    for (const date of ['2026-03-22', '2026-10-18', '2027-03-21', '2027-10-24', '2026-06-28']) {
      expect(resolveOsloTime(date, '02:30').kind).toBe('exact');
    }
  });
});

describe('formatting a time the clocks show twice', () => {
  it('names summer or winter time after 02:30 on the autumn night, and nothing on other nights', () => {
    expect(formatDateTime(new Date('2026-10-25T00:30:00Z'), 'nb')).toMatch(/02:30 \(sommertid\)$/);
    expect(formatDateTime(new Date('2026-10-25T01:30:00Z'), 'nb')).toMatch(/02:30 \(vintertid\)$/);
    expect(formatDateTime(new Date('2027-10-31T01:30:00Z'), 'en')).toMatch(/02:30 \(winter time\)$/);
    expect(formatDateTime(new Date('2026-10-25T17:00:00Z'), 'nb')).not.toMatch(/\(/);
    expect(formatDateTime(new Date('2026-03-29T01:00:00Z'), 'nb')).not.toMatch(/\(/);
  });
});

describe('the Intl-only calendar agrees with Luxon (the zone library the server used before)', () => {
  // The browser no longer downloads Luxon; these rules must give what it gave, DST nights included.
  const zone = { zone: 'Europe/Oslo' };

  it('gives the same month, half-year, year and day starts and weekdays for every day of 2026–2028', () => {
    for (let day = 0; day < 3 * 366; day += 1) {
      const date = addDays('2026-01-01', day);
      const luxonDay = DateTime.fromISO(date, zone);
      expect(startOfOsloDay(date).getTime()).toBe(luxonDay.startOf('day').toMillis());
      expect(weekdayOf(date)).toBe(luxonDay.weekday);
      expect(isIsoDate(date)).toBe(true);
      if (date.endsWith('-01')) {
        const month = date.slice(0, 7);
        const start = DateTime.fromFormat(month, 'yyyy-MM', zone);
        expect(monthRange(month)).toEqual({ start: start.toJSDate(), end: start.plus({ months: 1 }).toJSDate() });
        for (const language of ['nb', 'en'] as const) {
          expect(formatMonth(month, language)).toBe(start.setLocale(language === 'nb' ? 'nb-NO' : 'en-GB').toFormat('LLLL yyyy'));
        }
      }
    }
    for (const key of ['2026-H1', '2026-H2', '2027-H1', '2028-H2']) {
      const { year, half } = { year: Number(key.slice(0, 4)), half: key.endsWith('1') ? 1 : 7 };
      const start = DateTime.fromObject({ year, month: half, day: 1 }, zone);
      expect(halfYearRange(key)).toEqual({ start: start.toJSDate(), end: start.plus({ months: 6 }).toJSDate() });
    }
    const year = DateTime.fromObject({ year: 2028, month: 1, day: 1 }, zone);
    expect(yearRange(2028)).toEqual({ start: year.toJSDate(), end: year.plus({ years: 1 }).toJSDate() });
  });

  it('gives the same wall-clock time and half-year for instants every 20 minutes across both DST nights', () => {
    for (const from of ['2026-03-28T20:00:00Z', '2026-10-24T20:00:00Z', '2026-06-30T20:00:00Z', '2026-12-31T20:00:00Z']) {
      for (let step = 0; step < 24 * 3; step += 1) {
        const instant = new Date(Date.parse(from) + step * 20 * 60_000);
        const luxon = DateTime.fromJSDate(instant, zone);
        expect(osloTime(instant)).toBe(luxon.toFormat('HH:mm'));
        expect(halfYearOf(instant)).toBe(`${luxon.year}-H${luxon.month <= 6 ? 1 : 2}`);
      }
    }
  });

  it('refuses the same impossible dates', () => {
    for (const value of ['2026-02-29', '2028-02-30', '2026-13-01', '2026-00-10', '2026-4-01', 'x']) {
      expect(isIsoDate(value)).toBe(DateTime.fromISO(value, zone).isValid && /^\d{4}-\d{2}-\d{2}$/.test(value));
    }
    expect(isIsoDate('2028-02-29')).toBe(true);
  });
});
