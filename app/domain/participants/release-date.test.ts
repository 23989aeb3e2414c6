import { describe, expect, it } from 'vitest';
import { osloInstant } from '~/lib/time';
import { releaseDateInForce, releaseMisfit } from './release-date';

describe('the release date in force', () => {
  it('is the expected date until the actual one is recorded', () => {
    expect(releaseDateInForce({ earliestReleaseDate: '2026-03-01', expectedReleaseDate: '2026-04-15' })).toBe('2026-04-15');
    expect(releaseDateInForce({ expectedReleaseDate: '2026-04-15', actualReleaseDate: '2026-04-02' })).toBe('2026-04-02');
  });
});

describe('a meeting against a moved release date', () => {
  it('flags a prison visit on or after the release day, in Oslo time', () => {
    expect(releaseMisfit({ placeType: 'PRISON_VISIT', startsAt: osloInstant('2026-04-15', '10:00') }, '2026-04-15')).toBe(
      'PRISON_AFTER_RELEASE',
    );
    // 23:30 on the day before in Oslo is still before the release day
    expect(releaseMisfit({ placeType: 'PRISON_VISIT', startsAt: osloInstant('2026-04-14', '23:30') }, '2026-04-15')).toBeNull();
  });

  it('flags a community meeting before the release day', () => {
    expect(releaseMisfit({ placeType: 'CAFE', startsAt: osloInstant('2026-04-14', '12:00') }, '2026-04-15')).toBe(
      'COMMUNITY_BEFORE_RELEASE',
    );
    expect(releaseMisfit({ placeType: 'OUTDOORS', startsAt: osloInstant('2026-04-15', '00:10') }, '2026-04-15')).toBeNull();
  });
});
