import type { Actor } from '~/lib/permissions.server';
import { notFound, pairScope, RUNNING_PAIR_STATUSES } from '~/lib/permissions.server';
import { audit } from '~/lib/audit.server';
import { db, type Tx } from '~/lib/db.server';
import { emailCoordinators } from '~/lib/email.server';
import type { ConcernSeverity } from './severity';
import { lockForUpdate } from '~/lib/row-lock.server';

/** An active pair the actor may raise a concern about (their own, or any for a coordinator), or 404. */
export async function findConcernPair(actor: Actor, pairId: string, client: Tx = db) {
  const pair = await client.pair.findFirst({
    where: { id: pairId, status: { in: [...RUNNING_PAIR_STATUSES] }, ...pairScope(actor) },
    select: { id: true, participantId: true, participant: { select: { firstName: true } } },
  });
  if (!pair) notFound();
  return pair;
}

/** The concern page of a pair: the pair (404 as findConcernPair), the read audited. */
export async function viewConcernPair(request: Request | null, actor: Actor, pairId: string) {
  const pair = await findConcernPair(actor, pairId);
  await audit(db, request, { actorId: actor.id, action: 'VIEW', entityType: 'PAIR', entityId: pair.id, participantId: pair.participantId });
  return pair;
}

export interface ConcernInput {
  pairId: string;
  meetingId: string | null;
  participantId: string;
  text: string;
  severity: ConcernSeverity;
}

/**
 * Stores a concern, its audit row and an email to every coordinator in the caller's
 * transaction. Concerns are always urgent mail: never held for a digest. The email says only
 * that a concern was raised (and whether it is urgent) and links to the pair. The same concern
 * sent twice (a double tap, a resend) while the first is not yet acknowledged is that first one,
 * with no second email: the check runs in the write transaction, which holds SQLite's write
 * lock from its start.
 */
export async function createConcern(tx: Tx, request: Request, actor: Actor, input: ConcernInput) {
  const fields = { pairId: input.pairId, meetingId: input.meetingId, raisedById: actor.id, text: input.text, severity: input.severity };
  // PostgreSQL: two submits for one pair take turns (SQLite: the write lock already does).
  await lockForUpdate(tx, 'Pair', input.pairId);
  const repeat = await tx.concern.findFirst({ where: { ...fields, acknowledgedAt: null } });
  if (repeat) return repeat;
  const concern = await tx.concern.create({ data: fields });
  await audit(tx, request, {
    actorId: actor.id,
    action: 'CREATE',
    entityType: input.meetingId ? 'MEETING_LOG' : 'PAIR',
    entityId: input.meetingId ? concern.id : input.pairId,
    participantId: input.participantId,
    detail: { concern: input.meetingId ? true : concern.id, meetingId: input.meetingId, severity: input.severity },
  });
  await emailCoordinators(tx, {
    template: 'concern-raised',
    data: { pairId: input.pairId, urgent: input.severity === 'URGENT', afterMeeting: input.meetingId !== null },
    key: (coordinatorId) => `concern:${concern.id}:${coordinatorId}`,
    urgent: true,
  });
  return concern;
}

/** A concern without a meeting, raised from /me or the pair page; call notifyOutbox() after. */
export async function raisePairConcern(request: Request, actor: Actor, pairId: string, input: { text: string; severity: ConcernSeverity }) {
  return db.$transaction(async (tx) => {
    const pair = await findConcernPair(actor, pairId, tx);
    return createConcern(tx, request, actor, { pairId: pair.id, meetingId: null, participantId: pair.participantId, ...input });
  });
}
