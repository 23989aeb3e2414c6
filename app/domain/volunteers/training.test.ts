import { describe, expect, it } from 'vitest';
import { mayEnrol, sessionOpen } from './training';

describe('enrolment', () => {
  it('is open to every volunteer who has not left, and to no anonymised record', () => {
    for (const status of ['APPLIED', 'SCREENING', 'READY', 'PAUSED']) expect(mayEnrol({ status, anonymisedAt: null })).toBe(true);
    expect(mayEnrol({ status: 'LEFT', anonymisedAt: null })).toBe(false);
    expect(mayEnrol({ status: 'READY', anonymisedAt: new Date('2026-01-01T00:00:00Z') })).toBe(false);
  });
});

describe('a session open for attendance', () => {
  it('opens on its Oslo day, not before', () => {
    const startsAt = new Date('2026-12-03T17:00:00Z');
    expect(sessionOpen(startsAt, '2026-12-02')).toBe(false);
    expect(sessionOpen(startsAt, '2026-12-03')).toBe(true);
    expect(sessionOpen(startsAt, '2026-12-10')).toBe(true);
  });

  it('takes the day in Oslo: 23:30 UTC on 31 March is already 1 April (summer time)', () => {
    expect(sessionOpen(new Date('2026-03-31T22:30:00Z'), '2026-03-31')).toBe(false);
    expect(sessionOpen(new Date('2026-03-31T22:30:00Z'), '2026-04-01')).toBe(true);
  });
});
