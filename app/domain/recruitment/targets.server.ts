import type { Tx } from '~/lib/db.server';
import type { HalfYearKey } from '~/lib/time';
import { DEFAULT_PAIRS_TARGET } from './progress';

export interface HalfYearTargets {
  halfYear: HalfYearKey;
  newPairs: number;
  newParticipants: number | null;
  newReadyVolunteers: number | null;
}

export async function targetsFor(db: Tx, halfYear: HalfYearKey): Promise<HalfYearTargets> {
  const row = await db.halfYearTarget.findUnique({ where: { halfYear } });
  return {
    halfYear,
    newPairs: row?.newPairs ?? DEFAULT_PAIRS_TARGET,
    newParticipants: row?.newParticipants ?? null,
    newReadyVolunteers: row?.newReadyVolunteers ?? null,
  };
}

export async function saveTargets(db: Tx, targets: HalfYearTargets): Promise<void> {
  const data = {
    newPairs: targets.newPairs,
    newParticipants: targets.newParticipants,
    newReadyVolunteers: targets.newReadyVolunteers,
  };
  await db.halfYearTarget.upsert({ where: { halfYear: targets.halfYear }, create: { halfYear: targets.halfYear, ...data }, update: data });
}
