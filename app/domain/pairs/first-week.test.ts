import { describe, expect, it } from 'vitest';
import { osloInstant } from '~/lib/time';
import { contactWithin, firstWeekStatus, firstWeekWindow, firstWeekWindows, hoursToFirstContact, missedFirstWeekDays } from './first-week';

const HOUR = 3_600_000;
const length = (window: { start: Date; end: Date }) => (window.end.getTime() - window.start.getTime()) / HOUR;

describe('the day 0/1/3/7 windows', () => {
  it('are whole Oslo calendar days after the release date', () => {
    const windows = firstWeekWindows('2026-05-12');
    expect(windows.map((window) => window.date)).toEqual(['2026-05-12', '2026-05-13', '2026-05-15', '2026-05-19']);
    // Summer time: Oslo's midnight is 22:00 UTC the day before.
    expect(windows[0]!.start.toISOString()).toBe('2026-05-11T22:00:00.000Z');
    expect(windows[0]!.end.toISOString()).toBe('2026-05-12T22:00:00.000Z');
  });

  it('has a 23-hour day on the last Sunday of March', () => {
    // Released Saturday 28 March 2026: day 1 is Sunday 29 March, when clocks go 02:00 → 03:00.
    const day1 = firstWeekWindow('2026-03-28', 1);
    expect(day1.date).toBe('2026-03-29');
    expect(length(day1)).toBe(23);
    expect(day1.start.toISOString()).toBe('2026-03-28T23:00:00.000Z');
    expect(day1.end.toISOString()).toBe('2026-03-29T22:00:00.000Z');
    // A contact at 23:30 Oslo on that Sunday (21:30 UTC) still counts for day 1.
    const late = osloInstant('2026-03-29', '23:30');
    expect(firstWeekStatus('2026-03-28', [late], osloInstant('2026-03-30', '00:00'))[1]).toMatchObject({ day: 1, state: 'MET' });
    // Day 7 (4 April) is in summer time: 22:00 UTC to 22:00 UTC.
    expect(length(firstWeekWindow('2026-03-28', 7))).toBe(24);
  });

  it('has a 25-hour day on the last Sunday of October', () => {
    // Released Thursday 22 October 2026: day 3 is Sunday 25 October, clocks go 03:00 → 02:00.
    const day3 = firstWeekWindow('2026-10-22', 3);
    expect(day3.date).toBe('2026-10-25');
    expect(length(day3)).toBe(25);
    expect(day3.start.toISOString()).toBe('2026-10-24T22:00:00.000Z');
    expect(day3.end.toISOString()).toBe('2026-10-25T23:00:00.000Z');
    // 23:30 Oslo that Sunday is 22:30 UTC: after a 24-hour window would have ended, still day 3.
    const late = osloInstant('2026-10-25', '23:30');
    const status = firstWeekStatus('2026-10-22', [late], osloInstant('2026-10-26', '00:00'));
    expect(status.map((target) => target.state)).toEqual(['MISSED', 'MISSED', 'MET', 'UPCOMING']);
    // Released on the DST Sunday itself: day 0 is 25 hours long.
    expect(length(firstWeekWindow('2026-10-25', 0))).toBe(25);
  });

  it('cross month and year ends', () => {
    expect(firstWeekWindows('2026-01-31').map((window) => window.date)).toEqual(['2026-01-31', '2026-02-01', '2026-02-03', '2026-02-07']);
    expect(firstWeekWindows('2028-02-28').map((window) => window.date)).toEqual(['2028-02-28', '2028-02-29', '2028-03-02', '2028-03-06']);
    expect(firstWeekWindows('2026-12-31').map((window) => window.date)).toEqual(['2026-12-31', '2027-01-01', '2027-01-03', '2027-01-07']);
    // 1 January 00:30 Oslo is 31 December 23:30 UTC: it counts for day 1, not day 0.
    const newYear = osloInstant('2027-01-01', '00:30');
    expect(newYear.toISOString()).toBe('2026-12-31T23:30:00.000Z');
    const status = firstWeekStatus('2026-12-31', [newYear], osloInstant('2027-01-01', '01:00'));
    expect(status.map((target) => target.state)).toEqual(['MISSED', 'MET', 'UPCOMING', 'UPCOMING']);
  });

  it('counts a contact at 23:30 on the release day for day 0, and checks the day only once it is over', () => {
    const release = '2026-11-30';
    const at2330 = osloInstant(release, '23:30');
    expect(firstWeekStatus(release, [at2330], at2330)[0]!.state).toBe('MET');
    // Nothing yet at 23:30: day 0 is still under way, so upcoming, not missed.
    expect(firstWeekStatus(release, [], at2330)[0]!.state).toBe('UPCOMING');
    expect(missedFirstWeekDays(release, [], at2330)).toEqual([]);
    // At Oslo midnight (1 December) day 0 is over and missed.
    expect(missedFirstWeekDays(release, [], osloInstant('2026-12-01', '00:00'))).toEqual([0]);
    // A week and a day later every target without a contact is missed.
    expect(missedFirstWeekDays(release, [at2330], osloInstant('2026-12-08', '00:00'))).toEqual([1, 3, 7]);
    expect(missedFirstWeekDays(release, [at2330], osloInstant('2026-12-07', '23:59'))).toEqual([1, 3]);
  });

  it('ignores contacts before the release and between the target days', () => {
    const release = '2026-06-10';
    const contacts = [osloInstant('2026-06-09', '12:00'), osloInstant('2026-06-12', '12:00')]; // day -1 and day 2
    expect(firstWeekStatus(release, contacts, osloInstant('2026-06-20', '00:00')).every((target) => target.state === 'MISSED')).toBe(true);
  });
});

describe('hours to the first contact', () => {
  it('counts from 00:00 Oslo on the release day, across a DST change', () => {
    expect(hoursToFirstContact('2026-05-12', [osloInstant('2026-05-12', '14:00')])).toBe(14);
    expect(hoursToFirstContact('2026-05-12', [])).toBeNull();
    expect(hoursToFirstContact('2026-05-12', [osloInstant('2026-05-11', '14:00')])).toBeNull();
    // 24 October 00:00 (summer time) to 26 October 00:00 (winter time) is 49 hours.
    expect(hoursToFirstContact('2026-10-24', [osloInstant('2026-10-26', '00:00'), osloInstant('2026-10-27', '00:00')])).toBe(49);
    // 28 March 00:00 (winter) to 30 March 00:00 (summer) is 47 hours.
    expect(hoursToFirstContact('2026-03-28', [osloInstant('2026-03-30', '00:00')])).toBe(47);
  });

  it('tells whether the first contact came within 72 hours, or not yet known', () => {
    const release = '2026-08-31';
    const contact = osloInstant('2026-09-02', '23:30'); // 71.5 h
    expect(contactWithin(release, [contact], 72, osloInstant('2026-09-01', '00:00'))).toBe(true);
    expect(contactWithin(release, [], 72, osloInstant('2026-09-02', '23:59'))).toBeNull();
    expect(contactWithin(release, [], 72, osloInstant('2026-09-03', '00:00'))).toBe(false);
    expect(contactWithin(release, [osloInstant('2026-09-03', '00:00')], 72, osloInstant('2026-09-10', '00:00'))).toBe(false);
    expect(contactWithin(release, [osloInstant('2026-09-03', '00:00')], 168, osloInstant('2026-09-10', '00:00'))).toBe(true);
  });
});
