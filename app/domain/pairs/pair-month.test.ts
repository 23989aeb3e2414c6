import { describe, expect, it } from 'vitest';
import { osloInstant } from '~/lib/time';
import { elapsedShareOfMonth, pairMonthVerdict } from './pair-month';

const base = {
  rates: { perMonth: 4, justReleasedPerMonth: 6 },
  startDate: '2026-01-10',
  endDate: null,
  holds: [],
  releaseDate: null,
  held: 0,
  openConcerns: 0,
};

describe('a pair month against the expectation to date', () => {
  it('expects nothing on the 1st of a month just after midnight Oslo time, so no pair is behind', () => {
    // 00:05 on 1 December in Oslo is still 30 November in UTC.
    const now = new Date('2026-11-30T23:05:00Z');
    const verdict = pairMonthVerdict({ ...base, now, month: '2026-12', lastHeldDate: '2026-11-28' });
    expect(verdict).toMatchObject({
      target: 4,
      expected: 0,
      expectedWhole: 0,
      shortfall: 0,
      behind: false,
      health: 'GREEN',
      onTarget: false,
    });
    // The same at the end of the 1st: the day is not over yet.
    const evening = pairMonthVerdict({ ...base, now: osloInstant('2026-12-01', '23:59'), month: '2026-12', lastHeldDate: '2026-11-28' });
    expect(evening.behind).toBe(false);
    // Summer time: 00:30 on 1 July Oslo is 22:30 UTC on 30 June.
    expect(pairMonthVerdict({ ...base, now: new Date('2026-06-30T22:30:00Z'), month: '2026-07', lastHeldDate: '2026-06-25' }).behind).toBe(
      false,
    );
  });

  it('prorates the expectation through the month: amber one short, red two short', () => {
    const now = osloInstant('2026-11-16', '12:00'); // 15 of 30 days over → 2 expected
    const verdict = (held: number) => pairMonthVerdict({ ...base, now, month: '2026-11', held, lastHeldDate: '2026-11-10' });
    expect(verdict(2)).toMatchObject({ expected: 2, behind: false, health: 'GREEN' });
    expect(verdict(1)).toMatchObject({ shortfall: 1, behind: true, health: 'AMBER' });
    expect(verdict(0)).toMatchObject({ shortfall: 2, health: 'RED' });
    // 7 of 30 days over: 0.9 expected, rounded down to 0 whole meetings.
    expect(
      pairMonthVerdict({ ...base, now: osloInstant('2026-11-08', '09:00'), month: '2026-11', lastHeldDate: '2026-11-01' }),
    ).toMatchObject({ expected: 0.9, behind: false });
  });

  it('counts 29 February as a day of a 29-day month', () => {
    const now = osloInstant('2028-02-29', '10:00'); // 28 of 29 days over: 4 × 28/29 = 3.86
    const verdict = pairMonthVerdict({ ...base, now, month: '2028-02', held: 3, lastHeldDate: '2028-02-25' });
    expect(verdict).toMatchObject({ target: 4, expected: 3.9, expectedWhole: 3, behind: false });
    expect(elapsedShareOfMonth('2028-02', '2028-03-01', '2026-01-10')).toBe(1);
    expect(pairMonthVerdict({ ...base, now: osloInstant('2028-03-01', '00:01'), month: '2028-02', held: 3 }).onTarget).toBe(false);
  });

  it('counts both DST Sundays as one calendar day, at any hour', () => {
    // 29 March 2026: 02:00 jumps to 03:00. 28 of 31 days over → 3.6 → 3 whole.
    for (const utc of ['2026-03-28T23:30:00Z', '2026-03-29T01:30:00Z', '2026-03-29T21:59:00Z']) {
      expect(pairMonthVerdict({ ...base, now: new Date(utc), month: '2026-03', held: 3, lastHeldDate: '2026-03-27' })).toMatchObject({
        expected: 3.6,
        behind: false,
      });
    }
    // 25 October 2026: 02:30 happens twice (00:30Z in summer time, 01:30Z in winter time). 24 of 31 → 3.1.
    for (const utc of ['2026-10-25T00:30:00Z', '2026-10-25T01:30:00Z']) {
      const verdict = pairMonthVerdict({ ...base, now: new Date(utc), month: '2026-10', held: 2, lastHeldDate: '2026-10-20' });
      expect(verdict).toMatchObject({ expected: 3.1, expectedWhole: 3, shortfall: 1, health: 'AMBER' });
    }
  });

  it("prorates a pair's first and last month", () => {
    // Started 15 November: 16 active days, target 2; on the 23rd 8 of them are over → 1 expected.
    const first = pairMonthVerdict({
      ...base,
      startDate: '2026-11-15',
      now: osloInstant('2026-11-23', '12:00'),
      month: '2026-11',
      lastHeldDate: null,
    });
    expect(first).toMatchObject({ target: 2, expected: 1, behind: true, health: 'AMBER' });
    // Started today: nothing expected yet, and not quiet.
    expect(pairMonthVerdict({ ...base, startDate: '2026-11-23', now: osloInstant('2026-11-23', '12:00'), month: '2026-11' })).toMatchObject(
      { expected: 0, health: 'GREEN' },
    );
    // Ended 10 May: target 1 (10 of 31 days); from the 11th the whole of it is expected.
    const last = pairMonthVerdict({
      ...base,
      startDate: '2026-01-01',
      endDate: '2026-05-10',
      now: osloInstant('2026-05-20', '12:00'),
      month: '2026-05',
      held: 1,
      lastHeldDate: '2026-05-08',
    });
    expect(last).toMatchObject({ target: 1, expected: 1, onTarget: true, behind: false });
  });

  it('is red for an open concern or two quiet weeks, whatever the pace', () => {
    const now = osloInstant('2026-12-01', '09:00');
    expect(pairMonthVerdict({ ...base, now, month: '2026-12', lastHeldDate: '2026-11-30', openConcerns: 1 }).health).toBe('RED');
    expect(pairMonthVerdict({ ...base, now, month: '2026-12', lastHeldDate: '2026-11-16' }).health).toBe('RED');
    expect(pairMonthVerdict({ ...base, now, month: '2026-12', lastHeldDate: '2026-11-17' }).health).toBe('GREEN');
  });

  it('judges a past month against its whole target', () => {
    const now = osloInstant('2026-12-01', '08:00');
    expect(pairMonthVerdict({ ...base, now, month: '2026-11', held: 4 })).toMatchObject({ expected: 4, onTarget: true, behind: false });
    expect(pairMonthVerdict({ ...base, now, month: '2026-11', held: 3 })).toMatchObject({ expected: 4, onTarget: false, behind: true });
  });
});

describe('a pair month on hold', () => {
  it('raises no behind and no inactivity alert while the pair is on hold', () => {
    const now = osloInstant('2026-03-25', '12:00');
    const holds = [{ fromDate: '2026-02-20', untilDate: null }];
    const verdict = pairMonthVerdict({ ...base, now, month: '2026-03', lastHeldDate: '2026-02-10', holds });
    expect(verdict).toMatchObject({ target: 0, shortfall: 0, behind: false, onHold: true, health: 'GREEN' });
  });

  it('counts quiet days from the day the pair resumed', () => {
    const now = osloInstant('2026-04-10', '12:00');
    const holds = [{ fromDate: '2026-02-20', untilDate: '2026-04-01' }];
    const verdict = pairMonthVerdict({ ...base, now, month: '2026-04', lastHeldDate: '2026-02-10', held: 1, holds });
    expect(verdict.onHold).toBe(false);
    expect(verdict.health).toBe('GREEN');
    // without the hold, 59 quiet days would be red
    expect(pairMonthVerdict({ ...base, now, month: '2026-04', lastHeldDate: '2026-02-10', held: 1 }).health).toBe('RED');
  });
});
