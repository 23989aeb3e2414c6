import { audit } from '~/lib/audit.server';
import { db, type Tx } from '~/lib/db.server';
import { notFound, pairScope, type Actor } from '~/lib/permissions.server';
import { checkParticipantText, enqueueParticipantText, notifySmsOutbox, type TextRefusal } from './outbox.server';

const THREAD_LENGTH = 30;

/** A pair the actor may see, with what texting needs; a stranger's id is a 404. */
async function findPairForTexts(db: Tx, actor: Actor, pairId: string) {
  const pair = await db.pair.findFirst({
    where: { id: pairId, ...pairScope(actor) },
    select: {
      id: true,
      status: true,
      participantId: true,
      participant: { select: { firstName: true } },
      volunteer: { select: { firstName: true, userId: true } },
    },
  });
  if (!pair) notFound();
  return pair;
}

export type VolunteerTexting = { allowed: true } | { allowed: false; reason: TextRefusal | 'PAIR_NOT_ACTIVE' };

async function volunteerTexting(db: Tx, pair: Awaited<ReturnType<typeof findPairForTexts>>): Promise<VolunteerTexting> {
  if (pair.status !== 'ACTIVE') return { allowed: false, reason: 'PAIR_NOT_ACTIVE' };
  const check = await checkParticipantText(db, { participantId: pair.participantId, kind: 'VOLUNTEER_MESSAGE' });
  return check.allowed ? { allowed: true } : { allowed: false, reason: check.reason };
}

/**
 * The pair's texts for its page (the volunteer's and the coordinator's view): newest last,
 * without any phone number. They are read only with the pair page, whose view is audited
 * (one VIEW row for the page, pairTimeline); each send is audited on its own. For the pair's
 * volunteer also whether they may text now, and if not why.
 */
export async function pairTexts(actor: Actor, pairId: string) {
  const pair = await findPairForTexts(db, actor, pairId);
  const rows = await db.smsMessage.findMany({
    where: { pairId: pair.id },
    orderBy: { createdAt: 'desc' },
    take: THREAD_LENGTH,
    select: {
      id: true,
      direction: true,
      kind: true,
      body: true,
      status: true,
      createdAt: true,
      sentAt: true,
      sentById: true,
      segments: true,
    },
  });
  const isVolunteer = actor.role === 'VOLUNTEER' && pair.volunteer.userId === actor.id;
  return {
    participantFirstName: pair.participant.firstName,
    volunteerFirstName: pair.volunteer.firstName,
    texting: isVolunteer ? await volunteerTexting(db, pair) : null,
    messages: rows
      .reverse()
      .map(({ sentById, ...row }) => ({ ...row, fromVolunteer: sentById !== null && sentById === pair.volunteer.userId })),
  };
}

/** The pair's volunteer only (coordinators read the thread but do not write in it). */
export async function findPairForVolunteerText(actor: Actor, pairId: string, client: Tx = db) {
  const pair = await findPairForTexts(client, actor, pairId);
  if (actor.role !== 'VOLUNTEER' || pair.volunteer.userId !== actor.id) notFound();
  return { pair, texting: await volunteerTexting(client, pair) };
}

/** Whether the volunteer's text may go to the participant now, and when it would go (the review step). */
export function checkVolunteerText(participantId: string) {
  return checkParticipantText(db, { participantId, kind: 'VOLUNTEER_MESSAGE' });
}

/**
 * Queues the volunteer's text to the participant through the programme's number, with its
 * audit row, in one transaction. `sendToken` comes from the review step: the same review
 * posted twice queues one text.
 */
export async function sendVolunteerText(request: Request, actor: Actor, input: { pairId: string; body: string; sendToken: string }) {
  const result = await db.$transaction(async (tx) => {
    const { pair, texting } = await findPairForVolunteerText(actor, input.pairId, tx);
    if (!texting.allowed) return { queued: false as const, reason: texting.reason };
    const queued = await enqueueParticipantText(tx, {
      participantId: pair.participantId,
      pairId: pair.id,
      kind: 'VOLUNTEER_MESSAGE',
      body: input.body,
      sentById: actor.id,
      idempotencyKey: `volunteer-text:${pair.id}:${input.sendToken}`,
    });
    if (queued.queued && !queued.duplicate) {
      await audit(tx, request, {
        actorId: actor.id,
        action: 'CREATE',
        entityType: 'SMS_THREAD',
        entityId: pair.id,
        participantId: pair.participantId,
        detail: { smsId: queued.id, segments: queued.plan.segments },
      });
    }
    return queued;
  });
  notifySmsOutbox();
  return result;
}
