import { describe, expect, it } from 'vitest';
import { clearanceExpiresSoon, clearanceTooLate, clearanceValidOn, hasValidClearance } from './clearance';

const cleared = { prison: 'Trondheim fengsel', appliedOn: '2026-01-01', clearedOn: '2026-02-01', expiresOn: '2026-12-31' };

describe('visitor clearance', () => {
  it('is valid from the cleared date through the expiry date, at its own prison only', () => {
    expect(clearanceValidOn(cleared, 'Trondheim fengsel', '2026-01-31')).toBe(false);
    expect(clearanceValidOn(cleared, 'Trondheim fengsel', '2026-02-01')).toBe(true);
    expect(clearanceValidOn(cleared, ' trondheim fengsel ', '2026-12-31')).toBe(true);
    expect(clearanceValidOn(cleared, 'Trondheim fengsel', '2027-01-01')).toBe(false);
    expect(clearanceValidOn(cleared, 'Bergen fengsel', '2026-06-01')).toBe(false);
    expect(clearanceValidOn({ ...cleared, clearedOn: null, expiresOn: null }, 'Trondheim fengsel', '2026-06-01')).toBe(false);
    expect(hasValidClearance([{ ...cleared, expiresOn: null }], 'Trondheim fengsel', '2040-01-01')).toBe(true);
    expect(hasValidClearance([], 'Trondheim fengsel', '2026-06-01')).toBe(false);
  });

  it('expires soon within the window, not once expired or without an expiry date', () => {
    expect(clearanceExpiresSoon(cleared, '2026-12-01', 30)).toBe(true);
    expect(clearanceExpiresSoon(cleared, '2026-11-30', 30)).toBe(false);
    expect(clearanceExpiresSoon(cleared, '2027-01-01', 30)).toBe(false);
    expect(clearanceExpiresSoon({ ...cleared, expiresOn: null }, '2026-12-01', 30)).toBe(false);
  });

  it('warns matching only without a valid clearance and with the release closer than the lead time', () => {
    const base = { prison: 'Trondheim fengsel', today: '2026-06-01', leadWeeks: 4 };
    expect(clearanceTooLate({ ...base, clearances: [], releaseDate: '2026-06-28' })).toBe(true);
    expect(clearanceTooLate({ ...base, clearances: [], releaseDate: '2026-06-29' })).toBe(false);
    expect(clearanceTooLate({ ...base, clearances: [cleared], releaseDate: '2026-06-10' })).toBe(false);
    expect(clearanceTooLate({ ...base, leadWeeks: 8, clearances: [], releaseDate: '2026-07-20' })).toBe(true);
  });
});
