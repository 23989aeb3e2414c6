import { describe, expect, it } from 'vitest';
import { proposalProfile, type ProposalParticipant } from './proposals';

const consent = {
  createdAt: new Date('2026-10-01T10:00:00Z'),
  withdrawnAt: null,
  shareContactWithVolunteer: false,
  sharePlanWithVolunteer: false,
  shareAttendanceWithReferrer: false,
};

const participant: ProposalParticipant = {
  firstName: 'Sander',
  dateOfBirth: '2004-05-01',
  interests: ['fotball'],
  prison: 'Trondheim fengsel',
  expectedReleaseDate: '2027-03-01',
  actualReleaseDate: null,
  consents: [consent],
};

describe('proposalProfile', () => {
  it('shows the release date in force: the actual date once recorded, else the expected one', () => {
    expect(proposalProfile(participant, '2026-12-03').releaseDate).toBe('2027-03-01');
    expect(proposalProfile({ ...participant, actualReleaseDate: '2027-01-20' }, '2026-12-03').releaseDate).toBe('2027-01-20');
  });

  it('shows no release date without a consent in force', () => {
    expect(proposalProfile({ ...participant, consents: [] }, '2026-12-03')).toMatchObject({ shared: false, releaseDate: null });
  });
});
