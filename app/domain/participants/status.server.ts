import type { Tx } from '~/lib/db.server';
import { canChangeParticipantStatus, participantStatusSchema, type ParticipantStatus } from './status';
import { currentTime } from '~/lib/clock';

/** A change the status table does not allow. */
export class IllegalStatusChangeError extends Error {
  constructor(
    readonly from: ParticipantStatus,
    readonly to: ParticipantStatus,
  ) {
    super(`A participant cannot go from ${from} to ${to}`);
  }
}

/** The status moved on since the form was shown (another coordinator decided first). */
export class StaleStatusError extends Error {
  constructor(readonly current: ParticipantStatus) {
    super(`The participant's status is now ${current}`);
  }
}

/**
 * The one way to change a participant's status: checks the transition table, writes the
 * change only if nobody changed the status meanwhile, and records it in the history.
 * Call it inside the transaction that also writes the change's audit rows and emails.
 */
export async function changeParticipantStatus(
  tx: Tx,
  input: {
    participantId: string;
    to: ParticipantStatus;
    actorId: string | null;
    reason?: string | null;
    /** The status the user saw; a different current status answers StaleStatusError. */
    expectedFrom?: string;
  },
) {
  const participant = await tx.participant.findUniqueOrThrow({
    where: { id: input.participantId },
    select: { status: true },
  });
  const from = participantStatusSchema.parse(participant.status);
  if (input.expectedFrom !== undefined && input.expectedFrom !== from) throw new StaleStatusError(from);
  if (!canChangeParticipantStatus(from, input.to)) throw new IllegalStatusChangeError(from, input.to);
  const updated = await tx.participant.updateMany({
    where: { id: input.participantId, status: from },
    data: { status: input.to, statusChangedAt: currentTime() },
  });
  if (updated.count !== 1) throw new StaleStatusError(from);
  return tx.participantStatusChange.create({
    data: {
      participantId: input.participantId,
      fromStatus: from,
      toStatus: input.to,
      reason: input.reason ?? null,
      changedById: input.actorId,
    },
  });
}
