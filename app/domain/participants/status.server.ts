import type { Tx } from '~/lib/db.server';
import { canChangeParticipantStatus, participantStatusSchema, type ParticipantStatus } from './status';

export class IllegalStatusChangeError extends Error {
  constructor(
    readonly from: ParticipantStatus,
    readonly to: ParticipantStatus,
  ) {
    super(`A participant cannot go from ${from} to ${to}`);
  }
}

/**
 * The one way to change a participant's status: checks the transition table, writes the
 * history row. Conditional on the status read, so two concurrent changes cannot both pass.
 */
export async function changeParticipantStatus(
  tx: Tx,
  input: { participantId: string; to: ParticipantStatus; actorId: string | null; reason?: string | null },
  now = new Date(),
): Promise<void> {
  const participant = await tx.participant.findUniqueOrThrow({
    where: { id: input.participantId },
    select: { status: true },
  });
  const from = participantStatusSchema.parse(participant.status);
  if (!canChangeParticipantStatus(from, input.to)) throw new IllegalStatusChangeError(from, input.to);
  const updated = await tx.participant.updateMany({
    where: { id: input.participantId, status: from },
    data: { status: input.to, statusChangedAt: now },
  });
  if (updated.count !== 1) throw new IllegalStatusChangeError(from, input.to);
  await tx.participantStatusChange.create({
    data: {
      participantId: input.participantId,
      fromStatus: from,
      toStatus: input.to,
      reason: input.reason ?? null,
      changedById: input.actorId,
      createdAt: now,
    },
  });
}
