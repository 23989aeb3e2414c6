import { describe, expect, it } from 'vitest';
import { firstAllowedSend } from './quiet-hours';

const QUIET = { startHour: 21, endHour: 8 };

describe('firstAllowedSend', () => {
  it('sends at once outside the quiet hours', () => {
    const due = new Date('2026-12-02T12:00:00Z');
    expect(firstAllowedSend(due, QUIET)).toEqual(due);
    expect(firstAllowedSend(new Date('2026-12-02T19:59:00Z'), QUIET)).toEqual(new Date('2026-12-02T19:59:00Z')); // 20:59 Oslo
  });

  it('holds a text due at 22:00 Oslo until 08:00 the next morning', () => {
    expect(firstAllowedSend(new Date('2026-12-02T21:00:00Z'), QUIET)).toEqual(new Date('2026-12-03T07:00:00Z'));
  });

  it('holds a text due after midnight until 08:00 the same day', () => {
    expect(firstAllowedSend(new Date('2026-12-03T04:30:00Z'), QUIET)).toEqual(new Date('2026-12-03T07:00:00Z'));
  });

  it('keeps 08:00 Oslo across both DST changes', () => {
    // 22:00 CET on Saturday 27 March 2027; the clocks go forward that night: 08:00 CEST = 06:00 UTC.
    expect(firstAllowedSend(new Date('2027-03-27T21:00:00Z'), QUIET)).toEqual(new Date('2027-03-28T06:00:00Z'));
    // 22:00 CEST on Saturday 30 October 2027; the clocks go back that night: 08:00 CET = 07:00 UTC.
    expect(firstAllowedSend(new Date('2027-10-30T20:00:00Z'), QUIET)).toEqual(new Date('2027-10-31T07:00:00Z'));
  });

  it('knows quiet hours that do not cross midnight, and none at all', () => {
    expect(firstAllowedSend(new Date('2026-12-02T12:30:00Z'), { startHour: 13, endHour: 14 })).toEqual(new Date('2026-12-02T13:00:00Z'));
    const due = new Date('2026-12-02T22:00:00Z');
    expect(firstAllowedSend(due, { startHour: 0, endHour: 0 })).toEqual(due);
  });
});
