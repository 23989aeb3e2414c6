import { describe, expect, it } from 'vitest';
import { countsForHalfYear, elapsedShare, project } from './progress';

describe('recruitment progress', () => {
  it('counts a pair activated 30 June 23:30 Oslo time in the first half-year', () => {
    expect(countsForHalfYear(new Date('2026-06-30T21:30:00Z'))).toBe('2026-H1');
    expect(countsForHalfYear(new Date('2026-06-30T22:00:00Z'))).toBe('2026-H2');
    expect(countsForHalfYear(new Date('2026-12-31T22:59:00Z'))).toBe('2026-H2');
  });

  it('measures the elapsed share of a half-year in Oslo time', () => {
    expect(elapsedShare('2026-H1', new Date('2025-12-31T23:00:00Z'))).toBe(0);
    expect(elapsedShare('2026-H1', new Date('2026-06-30T22:00:00Z'))).toBe(1);
    const mid = elapsedShare('2026-H2', new Date('2026-10-01T12:00:00Z'));
    expect(mid).toBeGreaterThan(0.49);
    expect(mid).toBeLessThan(0.51);
  });

  it('is on track with target × elapsed share reached', () => {
    expect(project({ target: 10, actual: 5, share: 0.5, waitingParticipants: 0, freeVolunteerPlaces: 0 })).toEqual({
      target: 10,
      actual: 5,
      expectedByNow: 5,
      pipeline: 0,
      status: 'ON_TRACK',
    });
  });

  it('is at risk when behind but the pipeline can still reach the target', () => {
    const result = project({ target: 10, actual: 3, share: 0.6, waitingParticipants: 9, freeVolunteerPlaces: 7 });
    expect(result.expectedByNow).toBe(6);
    expect(result.pipeline).toBe(7);
    expect(result.status).toBe('AT_RISK');
  });

  it('is off track when even the pipeline cannot reach the target', () => {
    const result = project({ target: 10, actual: 3, share: 0.6, waitingParticipants: 2, freeVolunteerPlaces: 10 });
    expect(result.pipeline).toBe(2);
    expect(result.status).toBe('OFF_TRACK');
  });

  it('has reached the target once the pairs are there', () => {
    expect(project({ target: 10, actual: 11, share: 0.2, waitingParticipants: 0, freeVolunteerPlaces: 0 }).status).toBe('REACHED');
  });
});
