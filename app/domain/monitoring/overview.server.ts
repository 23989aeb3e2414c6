import type { Db } from '~/lib/db.server';

/** The programme in a few numbers, for the coordinator's dashboard. */
export async function programmeOverview(db: Db) {
  const [activePairs, waitingForMatch, newReferrals, readyVolunteers, failedEmails] = await Promise.all([
    db.pair.count({ where: { status: 'ACTIVE' } }),
    db.participant.count({ where: { status: 'ACCEPTED' } }),
    db.participant.count({ where: { status: 'REFERRED' } }),
    db.volunteerProfile.count({ where: { status: 'READY' } }),
    db.outboxEmail.count({ where: { status: 'FAILED' } }),
  ]);
  return { activePairs, waitingForMatch, newReferrals, readyVolunteers, failedEmails };
}
