import { describe, expect, it } from 'vitest';
import { mustConfirmDuplicates } from './duplicates';

describe('the duplicate-referral check', () => {
  const found = [{ name: 'Ola Nordmann', href: null }];

  it('stops a referral of someone who may already be known until the referrer confirms', () => {
    expect(mustConfirmDuplicates(false, found)).toBe(true);
    expect(mustConfirmDuplicates(true, found)).toBe(false);
  });

  it('lets a referral of nobody known through', () => {
    expect(mustConfirmDuplicates(false, [])).toBe(false);
  });
});
