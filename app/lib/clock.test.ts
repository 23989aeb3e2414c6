import { afterEach, describe, expect, it } from 'vitest';
import { clockIsMoved, currentTime, currentTimeMs, resetClock, setClock } from './clock';
import { halfYearOf, todayInOslo } from './time';

afterEach(() => resetClock());

describe('the clock', () => {
  it('is the machine clock unless CLOCK_AT or setClock moved it', () => {
    // tests/any-day.ts sets CLOCK_AT where faketime is missing.
    const at = process.env.CLOCK_AT;
    expect(clockIsMoved()).toBe(Boolean(at));
    const before = at ? Date.parse(at) : Date.now();
    expect(currentTimeMs()).toBeGreaterThanOrEqual(before);
    if (!at) expect(currentTimeMs()).toBeLessThanOrEqual(Date.now());
  });

  it('can be pinned, and every date rule follows it', () => {
    setClock('2027-12-31T23:05:00Z'); // 1 January 2028 00:05 in Oslo
    expect(currentTime().toISOString()).toBe('2027-12-31T23:05:00.000Z');
    expect(todayInOslo()).toBe('2028-01-01');
    expect(halfYearOf(currentTime())).toBe('2028-H1');
    expect(clockIsMoved()).toBe(true);
  });

  it('can be moved and run on from there', async () => {
    setClock('2028-02-29T11:00:00Z', { running: true });
    const first = currentTimeMs();
    expect(first - Date.parse('2028-02-29T11:00:00Z')).toBeLessThan(1000);
    await expect.poll(() => currentTimeMs()).toBeGreaterThan(first);
  });

  it('refuses what is not an instant', () => {
    expect(() => setClock('tomorrow')).toThrow(RangeError);
  });
});
