import { describe, expect, it } from 'vitest';
import { meetingDraftSchema, toDraft } from './forms';

describe('the meeting draft form', () => {
  const schema = meetingDraftSchema('2026-01-10', new Date('2026-11-22T12:00:00Z'));

  it('answers a date or time that is not one with messages on those fields, not an exception', () => {
    const result = schema.safeParse({ date: 'cmws27fsn0005', time: 'kveld', durationMinutes: 60, placeType: 'CAFE' });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.path.join('.')).sort()).toEqual(['date', 'time']);
  });

  it('allows a gate meeting on the release day only, and carries the flag to the draft', () => {
    const release = meetingDraftSchema('2026-12-04', new Date('2026-11-22T12:00:00Z'));
    const gate = release.safeParse({ date: '2026-12-04', time: '08:00', durationMinutes: 60, placeType: 'OTHER', gate: true });
    expect(gate.success).toBe(true);
    expect(toDraft(gate.data!).gateMeeting).toBe(true);
    const wrongDay = release.safeParse({ date: '2026-12-05', time: '08:00', durationMinutes: 60, placeType: 'CAFE', gate: true });
    expect(wrongDay.error?.issues.map((issue) => issue.path.join('.'))).toEqual(['gate']);
    const plain = release.safeParse({ date: '2026-12-05', time: '08:00', durationMinutes: 60, placeType: 'CAFE' });
    expect(toDraft(plain.data!).gateMeeting).toBe(false);
  });

  it('carries an accompaniment to an appointment to the draft, and refuses a kind that is not one', () => {
    const release = meetingDraftSchema('2026-12-04', new Date('2026-11-22T12:00:00Z'));
    const nav = release.safeParse({ date: '2026-12-07', time: '10:00', durationMinutes: 60, placeType: 'OTHER', accompaniment: 'NAV' });
    expect(toDraft(nav.data!).accompanimentKind).toBe('NAV');
    const plain = release.safeParse({ date: '2026-12-07', time: '10:00', durationMinutes: 60, placeType: 'CAFE' });
    expect(toDraft(plain.data!).accompanimentKind).toBeNull();
    const bogus = release.safeParse({ date: '2026-12-07', time: '10:00', durationMinutes: 60, placeType: 'CAFE', accompaniment: 'BANK' });
    expect(bogus.error?.issues.map((issue) => issue.path.join('.'))).toEqual(['accompaniment']);
  });

  it('still refuses a valid time in the past', () => {
    const result = schema.safeParse({ date: '2026-11-21', time: '18:00', durationMinutes: 60, placeType: 'CAFE' });
    expect(result.error?.issues.map((issue) => issue.path.join('.'))).toEqual(['date']);
  });
});

describe('a meeting time on the DST nights', () => {
  const at = (now: string) => meetingDraftSchema('2026-01-10', new Date(now));
  const draft = (date: string, time: string, extra: Record<string, string> = {}) => ({
    date,
    time,
    durationMinutes: 60,
    placeType: 'CAFE',
    ...extra,
  });

  it.each([
    ['2026-03-29', '2026-03-01T12:00:00Z'],
    ['2027-03-28', '2027-03-01T12:00:00Z'],
  ])('refuses 02:30 on %s next to the time, saying 02:00–02:59 does not exist', (date, now) => {
    const result = at(now).safeParse(draft(date, '02:30'));
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => [issue.path.join('.'), issue.message])).toEqual([
      ['time', 'localTime.gap::{"from":"02:00","to":"02:59"}'],
    ]);
    expect(at(now).safeParse(draft(date, '03:30')).success).toBe(true);
  });

  it.each([
    ['2026-10-25', '2026-10-01T12:00:00Z', '2026-10-25T00:30:00.000Z', '2026-10-25T01:30:00.000Z'],
    ['2027-10-31', '2027-10-01T12:00:00Z', '2027-10-31T00:30:00.000Z', '2027-10-31T01:30:00.000Z'],
  ])('asks which 02:30 on %s is meant, and keeps the answer', (date, now, first, second) => {
    const unanswered = at(now).safeParse(draft(date, '02:30'));
    expect(unanswered.error?.issues.map((issue) => [issue.path.join('.'), issue.message])).toEqual([
      ['fold', 'localTime.foldChoose::{"from":"02:00","to":"02:59"}'],
    ]);
    const summer = at(now).parse(draft(date, '02:30', { fold: 'first' }));
    expect(toDraft(summer).startsAt.toISOString()).toBe(first);
    const winter = at(now).parse(draft(date, '02:30', { fold: 'second' }));
    expect(toDraft(winter).startsAt.toISOString()).toBe(second);
    expect(at(now).safeParse(draft(date, '02:30', { fold: 'both' })).success).toBe(false);
  });

  it('judges "in the past" by the chosen occurrence', () => {
    // 01:00 UTC is between the first 02:30 (00:30 UTC) and the second (01:30 UTC).
    const schema = at('2026-10-25T01:00:00Z');
    expect(schema.safeParse(draft('2026-10-25', '02:30', { fold: 'first' })).error?.issues[0]?.path).toEqual(['date']);
    expect(schema.safeParse(draft('2026-10-25', '02:30', { fold: 'second' })).success).toBe(true);
  });
});
