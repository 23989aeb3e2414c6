import { CONSENT_FIELDS } from '~/domain/participants/consent';
import { audit } from '~/lib/audit.server';
import { currentTime } from '~/lib/clock';
import { db } from '~/lib/db.server';
import { osloDate, todayInOslo } from '~/lib/time';
import { proposalProfile } from './proposals';

const participantSelect = {
  id: true,
  firstName: true,
  dateOfBirth: true,
  interests: true,
  expectedReleaseDate: true,
  actualReleaseDate: true,
  prison: true,
  consents: { select: CONSENT_FIELDS },
} as const;

/**
 * The volunteer's open proposals (oldest first), each with what the participant's consent lets
 * them see. Showing participant data writes a VIEW audit row per proposal.
 */
export async function openProposals(request: Request, volunteerUserId: string, now = currentTime()) {
  const pairs = await db.pair.findMany({
    where: { status: 'PROPOSED', volunteer: { userId: volunteerUserId } },
    orderBy: [{ proposedAt: 'asc' }, { id: 'asc' }],
    select: { id: true, proposedAt: true, participant: { select: participantSelect } },
  });
  const today = todayInOslo(now);
  for (const pair of pairs) {
    await audit(db, request, {
      actorId: volunteerUserId,
      action: 'VIEW',
      entityType: 'PARTICIPANT',
      entityId: pair.participant.id,
      participantId: pair.participant.id,
      detail: { page: 'proposal', pairId: pair.id },
    });
  }
  return pairs.map((pair) => ({ id: pair.id, proposedOn: osloDate(pair.proposedAt), profile: proposalProfile(pair.participant, today) }));
}

/** One of the volunteer's own open proposals, or null (another volunteer's, answered, or unknown). */
export async function ownProposal(request: Request, pairId: string, volunteerUserId: string, now = currentTime()) {
  const pair = await db.pair.findFirst({
    where: { id: pairId, status: 'PROPOSED', volunteer: { userId: volunteerUserId } },
    select: { id: true, proposedAt: true, participant: { select: participantSelect } },
  });
  if (!pair) return null;
  await audit(db, request, {
    actorId: volunteerUserId,
    action: 'VIEW',
    entityType: 'PARTICIPANT',
    entityId: pair.participant.id,
    participantId: pair.participant.id,
    detail: { page: 'proposal', pairId: pair.id },
  });
  return { id: pair.id, proposedOn: osloDate(pair.proposedAt), profile: proposalProfile(pair.participant, todayInOslo(now)) };
}

/** Whether the pair is this volunteer's open proposal: an action's access check, not a view, so not audited. */
export async function isOwnOpenProposal(pairId: string, volunteerUserId: string) {
  return (await db.pair.count({ where: { id: pairId, status: 'PROPOSED', volunteer: { userId: volunteerUserId } } })) > 0;
}

/** Whether the pair was ever this volunteer's (to tell "no longer open" from a stranger's id). */
export async function wasOwnPair(pairId: string, volunteerUserId: string) {
  return (await db.pair.count({ where: { id: pairId, volunteer: { userId: volunteerUserId } } })) > 0;
}
