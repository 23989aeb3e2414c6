import { audit } from '~/lib/audit.server';
import { db, type Tx } from '~/lib/db.server';
import type { HalfYearKey } from '~/lib/time';
import type { CostCategory } from './costs';

export interface ProgrammeCostRow {
  id: string;
  halfYear: HalfYearKey;
  amountOre: number;
  category: string;
  note: string | null;
  createdAt: Date;
}

/** The recorded costs, newest half-year first, then in the order they were entered. */
export async function listProgrammeCosts(client: Tx = db): Promise<ProgrammeCostRow[]> {
  return client.programmeCost.findMany({
    orderBy: [{ halfYear: 'desc' }, { createdAt: 'asc' }, { id: 'asc' }],
    select: { id: true, halfYear: true, amountOre: true, category: true, note: true, createdAt: true },
  });
}

/** Records a cost of a half-year with its audit row, both or neither. */
export async function recordProgrammeCost(
  request: Request | null,
  actorId: string,
  input: { halfYear: HalfYearKey; amountOre: number; category: CostCategory; note: string | null },
): Promise<string> {
  return db.$transaction(async (tx) => {
    const cost = await tx.programmeCost.create({ data: { ...input, recordedById: actorId }, select: { id: true } });
    await audit(tx, request, {
      actorId,
      action: 'CREATE',
      entityType: 'SETTINGS',
      entityId: cost.id,
      detail: { programmeCost: { halfYear: input.halfYear, amountOre: input.amountOre, category: input.category } },
    });
    return cost.id;
  });
}

/** Removes a cost entered by mistake, audited with what it was; false when there is no such cost. */
export async function deleteProgrammeCost(request: Request | null, actorId: string, id: string): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const cost = await tx.programmeCost.findUnique({ where: { id } });
    if (!cost) return false;
    await tx.programmeCost.delete({ where: { id } });
    await audit(tx, request, {
      actorId,
      action: 'DELETE',
      entityType: 'SETTINGS',
      entityId: id,
      detail: { programmeCost: { halfYear: cost.halfYear, amountOre: cost.amountOre, category: cost.category } },
    });
    return true;
  });
}
