import { audit } from '~/lib/audit.server';
import { db, type Tx } from '~/lib/db.server';
import type { HalfYearKey } from '~/lib/time';
import { DEFAULT_PAIRS_TARGET } from './progress';

export interface HalfYearTargets {
  halfYear: HalfYearKey;
  newPairs: number;
  newParticipants: number | null;
  newReadyVolunteers: number | null;
}

export async function targetsFor(halfYear: HalfYearKey, client: Tx = db): Promise<HalfYearTargets> {
  const row = await client.halfYearTarget.findUnique({ where: { halfYear } });
  return {
    halfYear,
    newPairs: row?.newPairs ?? DEFAULT_PAIRS_TARGET,
    newParticipants: row?.newParticipants ?? null,
    newReadyVolunteers: row?.newReadyVolunteers ?? null,
  };
}

/** Saves a half-year's targets with their audit row, both or neither. */
export async function saveTargets(request: Request | null, actorId: string, targets: HalfYearTargets): Promise<void> {
  const data = {
    newPairs: targets.newPairs,
    newParticipants: targets.newParticipants,
    newReadyVolunteers: targets.newReadyVolunteers,
  };
  await db.$transaction(async (tx) => {
    await tx.halfYearTarget.upsert({
      where: { halfYear: targets.halfYear },
      create: { halfYear: targets.halfYear, ...data },
      update: data,
    });
    await audit(tx, request, {
      actorId,
      action: 'UPDATE',
      entityType: 'SETTINGS',
      entityId: targets.halfYear,
      detail: { newPairs: targets.newPairs },
    });
  });
}
