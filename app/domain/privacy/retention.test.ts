import { describe, expect, it } from 'vitest';
import { coarseDateOfBirth, participantRetentionStart, retentionDue } from './retention';

const d = (iso: string) => new Date(iso);

describe('participantRetentionStart', () => {
  const referral = { decision: 'ACCEPTED', decidedAt: d('2024-01-10T10:00:00Z'), createdAt: d('2024-01-05T10:00:00Z') };
  it('starts when the last pair ended, and not while a pair is proposed or active', () => {
    const ended = { status: 'ENDED', endedAt: d('2024-06-01T10:00:00Z') };
    expect(
      participantRetentionStart({ pairs: [ended, { status: 'ENDED', endedAt: d('2024-03-01T10:00:00Z') }], referrals: [referral] }),
    ).toEqual(d('2024-06-01T10:00:00Z'));
    expect(participantRetentionStart({ pairs: [ended, { status: 'ACTIVE', endedAt: null }], referrals: [referral] })).toBeNull();
    expect(participantRetentionStart({ pairs: [ended, { status: 'PROPOSED', endedAt: null }], referrals: [referral] })).toBeNull();
  });
  it('starts at a declined referral for someone never paired; an open referral holds it', () => {
    const declined = { decision: 'DECLINED', decidedAt: d('2024-02-01T10:00:00Z'), createdAt: d('2024-01-20T10:00:00Z') };
    expect(participantRetentionStart({ pairs: [], referrals: [declined] })).toEqual(d('2024-02-01T10:00:00Z'));
    expect(participantRetentionStart({ pairs: [], referrals: [referral] })).toBeNull();
    const reReferred = { decision: null, decidedAt: null, createdAt: d('2024-07-01T10:00:00Z') };
    expect(
      participantRetentionStart({ pairs: [{ status: 'ENDED', endedAt: d('2024-06-01T10:00:00Z') }], referrals: [referral, reReferred] }),
    ).toBeNull();
  });
});

describe('retentionDue', () => {
  it('counts calendar months in Oslo', () => {
    const start = d('2024-06-01T10:00:00Z');
    expect(retentionDue(start, 24, d('2026-06-01T09:59:59Z'))).toBe(false);
    expect(retentionDue(start, 24, d('2026-06-01T10:00:00Z'))).toBe(true);
  });
  it('keeps only the year of birth', () => {
    expect(coarseDateOfBirth('2003-09-17')).toBe('2003-01-01');
  });
});
