import { describe, expect, it } from 'vitest';
import { mayEnrol, sessionOpen, trainingSessionSchema } from './training';

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

describe('a new training session', () => {
  const session = (date: string, time: string) => ({ intent: 'session', date, time, hours: 2 });

  it.each(['2026-03-29', '2027-03-28'])('refuses 02:30 on %s next to the time, saying 02:00–02:59 does not exist', (date) => {
    const result = trainingSessionSchema.safeParse(session(date, '02:30'));
    expect(result.error?.issues.map((issue) => [issue.path.join('.'), issue.message])).toEqual([
      ['time', 'localTime.gap::{"from":"02:00","to":"02:59"}'],
    ]);
    expect(trainingSessionSchema.safeParse(session(date, '03:30')).success).toBe(true);
  });

  it('takes the autumn night’s 02:30, which exists (twice)', () => {
    expect(trainingSessionSchema.safeParse(session('2026-10-25', '02:30')).success).toBe(true);
  });

  it('says only that the time is wrong when it is not a time', () => {
    const result = trainingSessionSchema.safeParse(session('2026-03-29', '2:30'));
    expect(result.error?.issues.map((issue) => [issue.path.join('.'), issue.message])).toEqual([['time', 'training.invalidTime']]);
  });
});
