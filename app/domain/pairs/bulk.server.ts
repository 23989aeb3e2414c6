/**
 * Bulk actions on a selection of active pairs (#22): schedule a support contact, export. One
 * transaction each, one audit row per pair (with the participant, so their trail shows it).
 */
import { db } from '~/lib/db.server';
import { audit } from '~/lib/audit.server';

import { BULK_LIMIT, TooManySelectedError } from '~/domain/volunteers/bulk';
import type { Actor } from '~/lib/permissions.server';

export interface BulkPair {
  id: string;
  /** "Participant first name and volunteer name", what the selection and the confirmation show. */
  name: string;
  municipality: string;
  startDate: string | null;
}

function assertWithinLimit(ids: readonly string[]): string[] {
  const unique = [...new Set(ids)];
  if (unique.length > BULK_LIMIT) throw new TooManySelectedError(unique.length);
  return unique;
}

const pairSelect = {
  id: true,
  startDate: true,
  participant: { select: { firstName: true, releaseMunicipality: true } },
  volunteer: { select: { firstName: true, lastName: true } },
} as const;

function toBulkPair(row: {
  id: string;
  startDate: string | null;
  participant: { firstName: string; releaseMunicipality: string };
  volunteer: { firstName: string; lastName: string };
}): BulkPair {
  return {
    id: row.id,
    name: `${row.participant.firstName} – ${row.volunteer.firstName} ${row.volunteer.lastName}`,
    municipality: row.participant.releaseMunicipality,
    startDate: row.startDate,
  };
}

/** Active pairs one may select, oldest first. */
export async function selectablePairs(): Promise<BulkPair[]> {
  const rows = await db.pair.findMany({
    where: { status: 'ACTIVE' },
    select: pairSelect,
    orderBy: [{ activatedAt: 'asc' }, { id: 'asc' }],
  });
  return rows.map(toBulkPair);
}

/** The selected pairs that are active: what the confirmation names and counts. */
export async function selectedPairs(ids: readonly string[]): Promise<BulkPair[]> {
  const unique = assertWithinLimit(ids);
  const rows = await db.pair.findMany({
    where: { id: { in: unique }, status: 'ACTIVE' },
    select: pairSelect,
    orderBy: [{ activatedAt: 'asc' }, { id: 'asc' }],
  });
  return rows.map(toBulkPair);
}

/**
 * Schedules one support contact (due on `dueDate`, with the volunteer or the participant) for
 * every selected active pair, in one transaction. A pair that already has the same contact
 * scheduled and not yet held keeps it (a double tap schedules nothing twice). Returns how many
 * were scheduled.
 */
export async function bulkScheduleSupport(
  request: Request,
  actor: Actor,
  input: { withWhom: string; dueDate: string; note?: string },
  ids: readonly string[],
): Promise<number> {
  const unique = assertWithinLimit(ids);
  return db.$transaction(
    async (tx) => {
      const pairs = await tx.pair.findMany({ where: { id: { in: unique }, status: 'ACTIVE' }, select: { id: true, participantId: true } });
      let scheduled = 0;
      for (const pair of pairs) {
        const existing = await tx.supportContact.findFirst({
          where: { pairId: pair.id, withWhom: input.withWhom, dueDate: input.dueDate, heldOn: null },
          select: { id: true },
        });
        if (existing) continue;
        const contact = await tx.supportContact.create({
          data: { pairId: pair.id, withWhom: input.withWhom, dueDate: input.dueDate, note: input.note ?? null, coordinatorId: actor.id },
        });
        await audit(tx, request, {
          actorId: actor.id,
          action: 'CREATE',
          entityType: 'PAIR',
          entityId: pair.id,
          participantId: pair.participantId,
          detail: { supportContact: contact.id, bulk: true },
        });
        scheduled += 1;
      }
      return scheduled;
    },
    { timeout: 60_000 },
  );
}
