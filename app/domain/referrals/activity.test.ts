import { describe, expect, it } from 'vitest';
import { consentInForce } from '~/domain/participants/consent';
import { countPerMonth } from './activity';

describe('meetings held per month', () => {
  it('counts by the Oslo month, including the night a month turns in Oslo but not in UTC', () => {
    const counts = countPerMonth([
      new Date('2026-06-30T21:30:00Z'), // 23:30 on 30 June in Oslo
      new Date('2026-06-30T22:30:00Z'), // 00:30 on 1 July in Oslo
      new Date('2026-07-15T10:00:00Z'),
    ]);
    expect(counts).toEqual([
      { month: '2026-06', held: 1 },
      { month: '2026-07', held: 2 },
    ]);
  });

  it('shows empty months between and up to now as zero', () => {
    const counts = countPerMonth([new Date('2026-10-05T10:00:00Z'), new Date('2026-12-05T10:00:00Z')], new Date('2027-01-10T10:00:00Z'));
    expect(counts.map((row) => `${row.month}:${row.held}`)).toEqual(['2026-10:1', '2026-11:0', '2026-12:1', '2027-01:0']);
  });

  it('is empty without meetings', () => {
    expect(countPerMonth([])).toEqual([]);
  });
});

describe('the consent in force', () => {
  const row = (created: string, withdrawn: string | null, shareAttendanceWithReferrer = true) => ({
    createdAt: new Date(created),
    withdrawnAt: withdrawn ? new Date(withdrawn) : null,
    shareContactWithVolunteer: true,
    sharePlanWithVolunteer: true,
    shareAttendanceWithReferrer,
  });

  it('is the newest one not withdrawn, and none once all are withdrawn', () => {
    const older = row('2026-01-01', null, false);
    const newer = row('2026-03-01', null, true);
    expect(consentInForce([older, newer])).toBe(newer);
    expect(consentInForce([older, { ...newer, withdrawnAt: new Date('2026-04-01') }])).toBe(older);
    expect(consentInForce([row('2026-01-01', '2026-02-01')])).toBeNull();
  });
});
