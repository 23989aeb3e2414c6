import { audit } from '~/lib/audit.server';
import { currentTime } from '~/lib/clock';
import { db } from '~/lib/db.server';
import type { Actor } from '~/lib/permissions.server';

/** Participants' texts that could not be read automatically, for the coordinators' dashboard, with the pair they belong to. */
export async function coordinatorTextInbox() {
  const rows = await db.smsMessage.findMany({
    where: { direction: 'IN', status: 'NEEDS_ATTENTION' },
    orderBy: { createdAt: 'asc' },
    take: 50,
    select: {
      id: true,
      body: true,
      phone: true,
      createdAt: true,
      participantId: true,
      pair: { select: { id: true, participant: { select: { firstName: true } }, volunteer: { select: { firstName: true } } } },
    },
  });
  return rows.map((row) => ({
    id: row.id,
    body: row.body,
    createdAt: row.createdAt,
    // A number is shown only when it belongs to no participant (someone else texted the programme).
    phone: row.participantId ? null : row.phone,
    pair: row.pair ? { id: row.pair.id, participant: row.pair.participant.firstName, volunteer: row.pair.volunteer.firstName } : null,
  }));
}

/** Marks an inbox text as handled; false when there is no such unhandled text. */
export async function markTextHandled(request: Request, actor: Actor, smsId: string): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const row = await tx.smsMessage.findFirst({
      where: { id: smsId, direction: 'IN', status: 'NEEDS_ATTENTION' },
      select: { id: true, participantId: true, pairId: true },
    });
    if (!row) return false;
    await tx.smsMessage.update({ where: { id: row.id }, data: { status: 'HANDLED', handledAt: currentTime(), handledById: actor.id } });
    await audit(tx, request, {
      actorId: actor.id,
      action: 'UPDATE',
      entityType: 'SMS_THREAD',
      entityId: row.pairId,
      participantId: row.participantId,
      detail: { smsId: row.id, handled: true },
    });
    return true;
  });
}
