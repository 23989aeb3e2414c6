import { describe, expect, it } from 'vitest';
import { eligibility, formatNorwegianPhone, normalizeNorwegianPhone, sameName, splitList } from './participant-form';

describe('eligibility on the referral date', () => {
  it('accepts on the 18th birthday and refuses the day before, with the age', () => {
    expect(eligibility('2008-05-10', '2026-05-10')).toEqual({ eligible: true, age: 18 });
    expect(eligibility('2008-05-10', '2026-05-09')).toEqual({ eligible: false, age: 17, reason: 'tooYoung' });
  });

  it('accepts the day before the 25th birthday and refuses on it', () => {
    expect(eligibility('2001-05-10', '2026-05-09')).toEqual({ eligible: true, age: 24 });
    expect(eligibility('2001-05-10', '2026-05-10')).toEqual({ eligible: false, age: 25, reason: 'tooOld' });
  });

  it('gives someone born 29 February their birthday on 1 March in common years', () => {
    expect(eligibility('2008-02-29', '2026-02-28')).toEqual({ eligible: false, age: 17, reason: 'tooYoung' });
    expect(eligibility('2008-02-29', '2026-03-01')).toEqual({ eligible: true, age: 18 });
    expect(eligibility('2004-02-29', '2029-02-28')).toEqual({ eligible: true, age: 24 });
    expect(eligibility('2004-02-29', '2029-03-01')).toEqual({ eligible: false, age: 25, reason: 'tooOld' });
    // In a leap year the birthday is the day itself.
    expect(eligibility('2004-02-29', '2028-02-29')).toEqual({ eligible: true, age: 24 });
  });
});

describe('Norwegian phone numbers', () => {
  it('normalises the usual ways of writing them', () => {
    expect(normalizeNorwegianPhone('912 34 567')).toBe('+4791234567');
    expect(normalizeNorwegianPhone('+47 912 34 567')).toBe('+4791234567');
    expect(normalizeNorwegianPhone('0047-73.12.34.56')).toBe('+4773123456');
  });

  it('refuses numbers that are not Norwegian', () => {
    for (const bad of ['12345678', '0123 4567', '9123456', '912345678', '+46 70 123 45 67', 'ring meg']) {
      expect(normalizeNorwegianPhone(bad), bad).toBeNull();
    }
  });

  it('formats mobiles and landlines as people write them', () => {
    expect(formatNorwegianPhone('+4791234567')).toBe('912 34 567');
    expect(formatNorwegianPhone('+4773123456')).toBe('73 12 34 56');
  });
});

describe('lists and names', () => {
  it('splits a comma list and drops empty items', () => {
    expect(splitList(' fotball, musikk ,, ')).toEqual(['fotball', 'musikk']);
  });

  it('treats names as the same regardless of case and spacing', () => {
    expect(sameName({ firstName: 'Åse  Marie', lastName: 'ØSTBY' }, { firstName: 'åse marie', lastName: 'Østby ' })).toBe(true);
    expect(sameName({ firstName: 'Åse', lastName: 'Østby' }, { firstName: 'Åse', lastName: 'Østbye' })).toBe(false);
  });
});
