import { describe, expect, it } from 'vitest';
import { monthOf, osloDate, osloInstant, osloTime } from '~/lib/time';
import { allowedPlaceTypes, canLogOutcome, proposeDates } from './planning';
import { activeDaysInMonth, heldInMonth, holdDaysInMonth, holdOn, isJustReleased, monthlyTarget } from './target';

describe('the monthly target', () => {
  it('is the full setting for a month the pair is active throughout', () => {
    expect(monthlyTarget({ perMonth: 4, month: '2026-03', startDate: '2026-01-10' })).toBe(4);
    expect(monthlyTarget({ perMonth: 6, month: '2026-03', startDate: '2026-01-10' })).toBe(6);
  });

  it('is prorated by active days in the first month', () => {
    // 16 of 30 November days active → 4 × 16/30 = 2.13 → 2
    expect(activeDaysInMonth('2026-11', '2026-11-15')).toBe(16);
    expect(monthlyTarget({ perMonth: 4, month: '2026-11', startDate: '2026-11-15' })).toBe(2);
    // started on the last day of a 31-day month: 4/31 → 0
    expect(monthlyTarget({ perMonth: 4, month: '2026-12', startDate: '2026-12-31' })).toBe(0);
    // started on the 8th of a 28-day February: 21 days → 3
    expect(monthlyTarget({ perMonth: 4, month: '2026-02', startDate: '2026-02-08' })).toBe(3);
  });

  it('is prorated by active days in the last month and zero outside the pair', () => {
    expect(monthlyTarget({ perMonth: 4, month: '2026-05', startDate: '2026-01-01', endDate: '2026-05-10' })).toBe(1);
    expect(monthlyTarget({ perMonth: 4, month: '2026-06', startDate: '2026-01-01', endDate: '2026-05-10' })).toBe(0);
    expect(monthlyTarget({ perMonth: 4, month: '2025-12', startDate: '2026-01-01' })).toBe(0);
    // a pair that starts and ends in the same month
    expect(activeDaysInMonth('2026-04', '2026-04-10', '2026-04-24')).toBe(15);
    expect(monthlyTarget({ perMonth: 4, month: '2026-04', startDate: '2026-04-10', endDate: '2026-04-24' })).toBe(2);
  });

  it('counts a meeting at 23:30 Oslo time on the last day of a month in that month', () => {
    const summer = osloInstant('2026-08-31', '23:30'); // 21:30 UTC
    const winter = osloInstant('2026-01-31', '23:30'); // 22:30 UTC
    const meetings = [
      { startsAt: summer, status: 'HELD' },
      { startsAt: winter, status: 'HELD' },
      { startsAt: osloInstant('2026-09-01', '00:15'), status: 'HELD' },
      { startsAt: osloInstant('2026-08-15', '12:00'), status: 'CANCELLED_BY_PARTICIPANT' },
    ];
    expect(summer.toISOString()).toBe('2026-08-31T21:30:00.000Z');
    expect(heldInMonth(meetings, '2026-08')).toBe(1);
    expect(heldInMonth(meetings, '2026-01')).toBe(1);
    expect(heldInMonth(meetings, '2026-09')).toBe(1);
  });

  it('keeps the wall-clock time of meetings planned on both DST-change days', () => {
    const spring = proposeDates({ month: '2026-03', today: '2026-03-23', count: 1, preferredWeekday: 7, taken: [] });
    const autumn = proposeDates({ month: '2026-10', today: '2026-10-24', count: 1, preferredWeekday: 7, taken: [] });
    expect(spring).toEqual(['2026-03-29']);
    expect(autumn).toEqual(['2026-10-25']);
    const springMeeting = osloInstant('2026-03-29', '18:00');
    const autumnMeeting = osloInstant('2026-10-25', '18:00');
    expect(springMeeting.toISOString()).toBe('2026-03-29T16:00:00.000Z'); // CEST, UTC+2
    expect(autumnMeeting.toISOString()).toBe('2026-10-25T17:00:00.000Z'); // CET, UTC+1
    for (const meeting of [springMeeting, autumnMeeting]) expect(osloTime(meeting)).toBe('18:00');
    expect(osloDate(springMeeting)).toBe('2026-03-29');
    expect(monthOf(autumnMeeting)).toBe('2026-10');
    // A morning meeting on the spring change day, after the 02:00 → 03:00 jump.
    expect(osloTime(osloInstant('2026-03-29', '09:30'))).toBe('09:30');
  });
});

describe('the just-released phase', () => {
  it('lasts 30 days from the release date', () => {
    expect(isJustReleased('2026-11-01', '2026-10-31')).toBe(false);
    expect(isJustReleased('2026-11-01', '2026-11-01')).toBe(true);
    expect(isJustReleased('2026-11-01', '2026-11-30')).toBe(true);
    expect(isJustReleased('2026-11-01', '2026-12-01')).toBe(false);
  });

  it('raises the target for the days in the first 30 days out, prorated', () => {
    const justReleased = (releaseDate: string) => ({ releaseDate, perMonth: 6 });
    // Released 1 November: all 30 November days are raised.
    expect(monthlyTarget({ perMonth: 4, month: '2026-11', startDate: '2026-01-10', justReleased: justReleased('2026-11-01') })).toBe(6);
    // Released 16 November: 15 days at 4, 15 at 6 → (60 + 90) / 30 = 5; December: 15 raised days of 31 → (16×4 + 15×6)/31 = 4.97 → 5.
    expect(monthlyTarget({ perMonth: 4, month: '2026-11', startDate: '2026-01-10', justReleased: justReleased('2026-11-16') })).toBe(5);
    expect(monthlyTarget({ perMonth: 4, month: '2026-12', startDate: '2026-01-10', justReleased: justReleased('2026-11-16') })).toBe(5);
    // Past the 30 days, or before the release: the usual target.
    expect(monthlyTarget({ perMonth: 4, month: '2027-01', startDate: '2026-01-10', justReleased: justReleased('2026-11-16') })).toBe(4);
    expect(monthlyTarget({ perMonth: 4, month: '2026-10', startDate: '2026-01-10', justReleased: justReleased('2026-11-16') })).toBe(4);
    // Released 31 January: February 2028 (29 days) has 29 raised days → 6.
    expect(monthlyTarget({ perMonth: 4, month: '2028-02', startDate: '2027-01-10', justReleased: justReleased('2028-01-31') })).toBe(6);
    // Never lowered, and held days on hold still carry none.
    expect(monthlyTarget({ perMonth: 8, month: '2026-11', startDate: '2026-01-10', justReleased: justReleased('2026-11-01') })).toBe(8);
    expect(
      monthlyTarget({
        perMonth: 4,
        month: '2026-11',
        startDate: '2026-01-10',
        holds: [{ fromDate: '2026-11-01', untilDate: null }],
        justReleased: justReleased('2026-11-01'),
      }),
    ).toBe(0);
  });
});

// Red/amber/green against the expectation to date: app/domain/pairs/pair-month.test.ts.

describe('planning and logging rules', () => {
  it('allows only prison visits before the release date', () => {
    expect(allowedPlaceTypes('2026-12-01', '2026-11-30')).toEqual(['PRISON_VISIT']);
    expect(allowedPlaceTypes('2026-12-01', '2026-12-01')).not.toContain('PRISON_VISIT');
  });
  it('proposes the same weekday each week when there is room, and skips taken days', () => {
    expect(proposeDates({ month: '2026-12', today: '2026-11-25', count: 4, preferredWeekday: 3, taken: ['2026-12-09'] })).toEqual([
      '2026-12-02',
      '2026-12-16',
      '2026-12-23',
      '2026-12-30',
    ]);
    // late in the month: spread over the days left
    expect(proposeDates({ month: '2026-11', today: '2026-11-22', count: 2, preferredWeekday: 3, taken: [] })).toEqual([
      '2026-11-23',
      '2026-11-27',
    ]);
    expect(proposeDates({ month: '2026-11', today: '2026-11-30', count: 3, preferredWeekday: 3, taken: [] })).toEqual([]);
  });
  it('refuses to log a future meeting as held or no-show, but accepts an early cancellation', () => {
    const now = new Date('2026-11-20T12:00:00Z');
    const later = new Date('2026-11-21T12:00:00Z');
    expect(canLogOutcome('HELD', later, now)).toBe(false);
    expect(canLogOutcome('NO_SHOW', later, now)).toBe(false);
    expect(canLogOutcome('CANCELLED_BY_PARTICIPANT', later, now)).toBe(true);
    expect(canLogOutcome('HELD', now, now)).toBe(true);
  });
});

describe('the monthly target of a pair on hold', () => {
  it('has no target for a month wholly on hold', () => {
    const holds = [{ fromDate: '2026-02-20', untilDate: '2026-04-01' }];
    expect(activeDaysInMonth('2026-03', '2026-01-01', null, holds)).toBe(0);
    expect(monthlyTarget({ perMonth: 4, month: '2026-03', startDate: '2026-01-01', holds })).toBe(0);
    expect(holdDaysInMonth('2026-03', '2026-01-01', null, holds)).toBe(31);
  });

  it('prorates the months a hold begins and ends in; the day it resumed is active again', () => {
    const holds = [{ fromDate: '2026-02-15', untilDate: '2026-04-16' }];
    // February: 14 of 28 days active → 2
    expect(activeDaysInMonth('2026-02', '2026-01-01', null, holds)).toBe(14);
    expect(monthlyTarget({ perMonth: 4, month: '2026-02', startDate: '2026-01-01', holds })).toBe(2);
    // April: resumed on the 16th → 15 of 30 days → 2
    expect(activeDaysInMonth('2026-04', '2026-01-01', null, holds)).toBe(15);
  });

  it('runs an open hold to the end of the month', () => {
    const holds = [{ fromDate: '2026-05-11', untilDate: null }];
    expect(activeDaysInMonth('2026-05', '2026-01-01', null, holds)).toBe(10);
    expect(holdOn('2026-05-11', holds)).toEqual(holds[0]);
    expect(holdOn('2026-05-10', holds)).toBeNull();
    expect(holdOn('2026-04-16', [{ fromDate: '2026-02-15', untilDate: '2026-04-16' }])).toBeNull();
  });
});
