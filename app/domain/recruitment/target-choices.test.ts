import { describe, expect, it } from 'vitest';
import { isTargetHalfYear, shownTargetHalfYear, targetHalfYears } from './target-choices';

describe('the half-years that can get targets', () => {
  it('are the two before this one, this one and the next two, across a new year', () => {
    expect(targetHalfYears(new Date('2026-12-02T06:00:00Z'))).toEqual(['2025-H2', '2026-H1', '2026-H2', '2027-H1', '2027-H2']);
    expect(targetHalfYears(new Date('2026-03-01T12:00:00Z'))).toEqual(['2025-H1', '2025-H2', '2026-H1', '2026-H2', '2027-H1']);
  });

  it('follow Oslo time: New Year just after midnight in Oslo is already the new half-year', () => {
    // 23:30 UTC on 31 December is 00:30 on 1 January in Oslo.
    expect(targetHalfYears(new Date('2026-12-31T23:30:00Z'))[2]).toBe('2027-H1');
    // 1 July 00:30 in Oslo (summer time) is 30 June 22:30 UTC.
    expect(targetHalfYears(new Date('2026-06-30T22:30:00Z'))[2]).toBe('2026-H2');
  });

  it('refuse a half-year further away, and the page falls back to this one', () => {
    const now = new Date('2026-12-02T06:00:00Z');
    expect(isTargetHalfYear('2025-H2', now)).toBe(true);
    expect(isTargetHalfYear('2025-H1', now)).toBe(false);
    expect(isTargetHalfYear('2028-H1', now)).toBe(false);
    expect(shownTargetHalfYear('2027-H2', now)).toBe('2027-H2');
    expect(shownTargetHalfYear('2024-H1', now)).toBe('2026-H2');
    expect(shownTargetHalfYear('not-a-half-year', now)).toBe('2026-H2');
    expect(shownTargetHalfYear(null, now)).toBe('2026-H2');
  });
});
