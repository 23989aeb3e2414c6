import { describe, expect, it } from 'vitest';
import { meetingDraftSchema } from './forms';

describe('the meeting draft form', () => {
  const schema = meetingDraftSchema('2026-01-10', new Date('2026-11-22T12:00:00Z'));

  it('answers a date or time that is not one with messages on those fields, not an exception', () => {
    const result = schema.safeParse({ date: 'cmws27fsn0005', time: 'kveld', durationMinutes: 60, placeType: 'CAFE' });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.path.join('.')).sort()).toEqual(['date', 'time']);
  });

  it('still refuses a valid time in the past', () => {
    const result = schema.safeParse({ date: '2026-11-21', time: '18:00', durationMinutes: 60, placeType: 'CAFE' });
    expect(result.error?.issues.map((issue) => issue.path.join('.'))).toEqual(['date']);
  });
});
