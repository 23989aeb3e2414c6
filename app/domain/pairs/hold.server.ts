import { audit } from '~/lib/audit.server';
import { currentTime } from '~/lib/clock';
import { db as client, type Db, type Tx } from '~/lib/db.server';
import { notFound, type Actor } from '~/lib/permissions.server';
import { todayInOslo, type IsoDate } from '~/lib/time';
import { canTransition, pairStatusSchema, type HoldReason } from './status';

/** A hold or resume the pair's status does not allow (stale form, a double tap). */
export class PairHoldError extends Error {
  constructor(
    readonly key: 'pairs.hold.notActive' | 'pairs.hold.notOnHold' | 'pairs.hold.fromBeforeStart' | 'pairs.hold.resumeBeforeHold',
  ) {
    super(key);
  }
}

export interface PairHoldRow {
  id: string;
  reason: HoldReason;
  note: string | null;
  fromDate: IsoDate;
  untilDate: IsoDate | null;
}

/** The holds as spans per pair: read where the month's target is (meetings/target.server). */
export { holdSpansByPair } from '~/domain/meetings/target.server';

/** A pair's holds, newest first, for its page. */
export async function pairHolds(pairId: string, db: Tx = client): Promise<PairHoldRow[]> {
  const rows = await db.pairHold.findMany({
    where: { pairId },
    orderBy: [{ fromDate: 'desc' }, { id: 'desc' }],
    select: { id: true, reason: true, note: true, fromDate: true, untilDate: true },
  });
  return rows.map((row) => ({ ...row, reason: row.reason as HoldReason }));
}

/** The pair the hold page is about (active or on hold); anything else is 404. */
export async function holdPair(pairId: string, db: Tx = client) {
  const pair = await db.pair.findFirst({
    where: { id: pairId, status: { in: ['ACTIVE', 'ON_HOLD'] } },
    select: { id: true, status: true, startDate: true, participantId: true, participant: { select: { firstName: true } } },
  });
  if (!pair) notFound();
  const holds = await pairHolds(pair.id, db);
  return { ...pair, status: pairStatusSchema.parse(pair.status), openHold: holds.find((hold) => hold.untilDate === null) ?? null };
}

/**
 * Puts an active pair on hold from `fromDate` (back in custody, in treatment, away, other): the
 * status moves by the transition table, a PairHold row opens, and the audit row commits with it.
 * The compare-and-set on the status makes a doubled submit write nothing the second time.
 */
export async function putPairOnHold(
  request: Request | null,
  actor: Actor,
  pairId: string,
  input: { reason: HoldReason; fromDate: IsoDate; note?: string | null },
  db: Db = client,
): Promise<void> {
  if (!canTransition('ACTIVE', 'ON_HOLD')) throw new PairHoldError('pairs.hold.notActive');
  await db.$transaction(async (tx) => {
    const pair = await tx.pair.findFirst({
      where: { id: pairId, status: { in: ['ACTIVE', 'ON_HOLD'] } },
      select: { id: true, startDate: true, participantId: true },
    });
    if (!pair) notFound();
    if (pair.startDate && input.fromDate < pair.startDate) throw new PairHoldError('pairs.hold.fromBeforeStart');
    const moved = await tx.pair.updateMany({ where: { id: pairId, status: 'ACTIVE' }, data: { status: 'ON_HOLD' } });
    if (moved.count !== 1) throw new PairHoldError('pairs.hold.notActive');
    const hold = await tx.pairHold.create({
      data: { pairId, reason: input.reason, fromDate: input.fromDate, note: input.note ?? null, startedById: actor.id },
      select: { id: true },
    });
    await audit(tx, request, {
      actorId: actor.id,
      action: 'UPDATE',
      entityType: 'PAIR',
      entityId: pairId,
      participantId: pair.participantId,
      detail: { status: 'ON_HOLD', holdId: hold.id, reason: input.reason, fromDate: input.fromDate },
    });
  });
}

/** Resumes an on-hold pair to ACTIVE on `onDate` (the first day active again; today by default). */
export async function resumePair(
  request: Request | null,
  actor: Actor,
  pairId: string,
  onDate?: IsoDate,
  db: Db = client,
  now = currentTime(),
): Promise<void> {
  const resumedOn = onDate ?? todayInOslo(now);
  if (!canTransition('ON_HOLD', 'ACTIVE')) throw new PairHoldError('pairs.hold.notOnHold');
  await db.$transaction(async (tx) => {
    const pair = await tx.pair.findFirst({
      where: { id: pairId, status: { in: ['ACTIVE', 'ON_HOLD'] } },
      select: { id: true, participantId: true },
    });
    if (!pair) notFound();
    const open = await tx.pairHold.findFirst({ where: { pairId, untilDate: null }, select: { id: true, fromDate: true } });
    if (open && resumedOn <= open.fromDate) throw new PairHoldError('pairs.hold.resumeBeforeHold');
    const moved = await tx.pair.updateMany({ where: { id: pairId, status: 'ON_HOLD' }, data: { status: 'ACTIVE' } });
    if (moved.count !== 1 || !open) throw new PairHoldError('pairs.hold.notOnHold');
    await tx.pairHold.update({ where: { id: open.id }, data: { untilDate: resumedOn, endedById: actor.id } });
    await audit(tx, request, {
      actorId: actor.id,
      action: 'UPDATE',
      entityType: 'PAIR',
      entityId: pairId,
      participantId: pair.participantId,
      detail: { status: 'ACTIVE', holdId: open.id, resumedOn },
    });
  });
}
