import { audit } from '~/lib/audit.server';
import { db } from '~/lib/db.server';
import { participantScope, type Actor } from '~/lib/permissions.server';
import type { MANUAL_STATUSES } from '~/domain/participants/participant-form';
import { participantStatusSchema } from '~/domain/participants/status';
import { changeParticipantStatus } from '~/domain/participants/status.server';
import { decisionsFrom } from './decision';
import { decideReferral } from './referrals.server';

/**
 * A status set by hand on the participant page. Decisions go through the latest referral, so
 * the referrer is told; other changes are recorded and audited, in one transaction. Throws on an
 * illegal change.
 */
export function setParticipantStatus(input: {
  participantId: string;
  to: (typeof MANUAL_STATUSES)[number];
  reason?: string | null;
  expectedStatus?: string;
  actor: Actor;
  request: Request | null;
}) {
  return db.$transaction(async (tx) => {
    const participant = await tx.participant.findFirst({
      where: { id: input.participantId, anonymisedAt: null, ...participantScope(input.actor) },
      select: { id: true, status: true, referrals: { orderBy: { createdAt: 'desc' }, take: 1, select: { id: true } } },
    });
    if (!participant) return null;
    const current = participantStatusSchema.parse(participant.status);
    const decision = decisionsFrom(current).find((allowed) => allowed === input.to);
    if (decision && participant.referrals[0]) {
      return decideReferral(tx, {
        referralId: participant.referrals[0].id,
        actor: input.actor,
        decision,
        reason: input.reason,
        expectedStatus: input.expectedStatus,
        request: input.request,
      });
    }
    const change = await changeParticipantStatus(tx, {
      participantId: participant.id,
      to: input.to,
      actorId: input.actor.id,
      reason: input.reason,
      expectedFrom: input.expectedStatus,
    });
    await audit(tx, input.request, {
      actorId: input.actor.id,
      action: 'UPDATE',
      entityType: 'PARTICIPANT',
      entityId: participant.id,
      participantId: participant.id,
      detail: { from: change.fromStatus, to: change.toStatus },
    });
    return change;
  });
}
