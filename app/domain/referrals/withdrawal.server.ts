import { audit } from '~/lib/audit.server';
import { db } from '~/lib/db.server';
import type { Actor } from '~/lib/permissions.server';
import { participantStatusSchema, type ParticipantStatus } from '~/domain/participants/status';
import { changeParticipantStatus, StaleStatusError } from '~/domain/participants/status.server';
import { queueWithdrawalNotice } from './notifications.server';
import { referrerMayWithdraw } from './withdrawal';

/** The referral has been decided (or withdrawn) already: the referrer can no longer withdraw it. */
export class ReferralNotWithdrawableError extends Error {
  constructor(readonly status: ParticipantStatus) {
    super(`A referral whose participant is ${status} cannot be withdrawn by the referrer`);
  }
}

/** Only the officer who made the referral reaches it here; anyone else's id finds nothing. */
function ownReferral(actor: Actor, referralId: string) {
  return { id: referralId, referrerId: actor.id };
}

/** Whether the referral is the actor's own: the record check before a withdrawal form is read. */
export async function isOwnReferral(actor: Actor, referralId: string): Promise<boolean> {
  return (await db.referral.count({ where: ownReferral(actor, referralId) })) === 1;
}

/** What the withdrawal page shows, with the view audited; null when it is not the actor's referral. */
export async function referralForWithdrawal(actor: Actor, referralId: string, request: Request) {
  const referral = await db.referral.findFirst({
    where: ownReferral(actor, referralId),
    select: { id: true, referralDate: true, participant: { select: { id: true, firstName: true, lastName: true, status: true } } },
  });
  if (!referral) return null;
  await audit(db, request, {
    actorId: actor.id,
    action: 'VIEW',
    entityType: 'REFERRAL',
    entityId: referral.id,
    participantId: referral.participant.id,
  });
  const status = participantStatusSchema.parse(referral.participant.status);
  return {
    id: referral.id,
    participantName: `${referral.participant.firstName} ${referral.participant.lastName}`,
    referralDate: referral.referralDate,
    status,
    mayWithdraw: referrerMayWithdraw(status),
  };
}

/**
 * The referrer withdraws their undecided referral: the participant goes REFERRED → WITHDRAWN
 * through the one transition table (the reason in its history), an audit row, and every
 * coordinator is told by email — without the reason, which may hold health or criminal-justice
 * details. All in one transaction. Null for a referral that is not the actor's;
 * ReferralNotWithdrawableError once it is decided, also when a decision came in meanwhile.
 */
export function withdrawReferral(input: { referralId: string; actor: Actor; reason: string; request: Request | null }) {
  return db.$transaction(async (tx) => {
    const referral = await tx.referral.findFirst({
      where: ownReferral(input.actor, input.referralId),
      select: { id: true, participantId: true, participant: { select: { status: true } } },
    });
    if (!referral) return null;
    const current = participantStatusSchema.parse(referral.participant.status);
    if (!referrerMayWithdraw(current)) throw new ReferralNotWithdrawableError(current);
    let change;
    try {
      change = await changeParticipantStatus(tx, {
        participantId: referral.participantId,
        to: 'WITHDRAWN',
        actorId: input.actor.id,
        reason: input.reason,
        expectedFrom: current,
      });
    } catch (error) {
      if (error instanceof StaleStatusError) throw new ReferralNotWithdrawableError(error.current);
      throw error;
    }
    await audit(tx, input.request, {
      actorId: input.actor.id,
      action: 'UPDATE',
      entityType: 'REFERRAL',
      entityId: referral.id,
      participantId: referral.participantId,
      detail: { from: change.fromStatus, to: change.toStatus, by: 'REFERRER' },
    });
    await queueWithdrawalNotice(tx, { referralId: referral.id, participantId: referral.participantId });
    return change;
  });
}
