import { describe, expect, it } from 'vitest';
import { eligibility, sameName, splitList } from './participant-form';

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

describe('lists and names', () => {
  it('splits a comma list and drops empty items', () => {
    expect(splitList(' fotball, musikk ,, ')).toEqual(['fotball', 'musikk']);
  });

  it('treats names as the same regardless of case and spacing', () => {
    expect(sameName({ firstName: 'Åse  Marie', lastName: 'ØSTBY' }, { firstName: 'åse marie', lastName: 'Østby ' })).toBe(true);
    expect(sameName({ firstName: 'Åse', lastName: 'Østby' }, { firstName: 'Åse', lastName: 'Østbye' })).toBe(false);
  });
});
