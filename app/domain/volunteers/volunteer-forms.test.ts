import { describe, expect, it } from 'vitest';
import { CAPACITY_MAX, CAPACITY_MIN, capacitySchema, mayInviteVolunteer } from './volunteer-forms';

describe('who may be invited to make a login', () => {
  it('is a ready volunteer without one', () => {
    expect(mayInviteVolunteer({ status: 'READY', userId: null })).toBe(true);
  });

  it('is nobody who already has a login, nor anyone not ready', () => {
    expect(mayInviteVolunteer({ status: 'READY', userId: 'user-1' })).toBe(false);
    for (const status of ['APPLIED', 'SCREENING', 'PAUSED', 'LEFT']) expect(mayInviteVolunteer({ status, userId: null })).toBe(false);
  });
});

describe('a volunteer’s capacity', () => {
  it('is a whole number from none to five', () => {
    expect([CAPACITY_MIN, CAPACITY_MAX]).toEqual([0, 5]);
    for (const capacity of [0, 1, 5]) expect(capacitySchema.safeParse({ intent: 'capacity', capacity }).success).toBe(true);
    for (const capacity of [-1, 6, 1.5]) expect(capacitySchema.safeParse({ intent: 'capacity', capacity }).success).toBe(false);
  });
});
