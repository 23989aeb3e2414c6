import { EventEmitter } from 'node:events';
import { currentTime } from '~/lib/clock';
import type { Tx } from '~/lib/db.server';
import { lockForUpdate } from '~/lib/row-lock.server';
import { Prisma } from '~/generated/prisma/client';
import { addDays, osloDate, startOfOsloDay } from '~/lib/time';
import { CONSENT_FIELDS, consentInForce } from '~/domain/participants/consent';
import { phaseOn } from '~/domain/participants/status';
import { getSettings } from '~/domain/settings/settings.server';
import { planSms, type SmsPlan } from './encoding';
import { firstAllowedSend } from './quiet-hours';

export const OUTGOING_KINDS = [
  'MEETING_REMINDER',
  'MEETING_MOVED',
  'MEETING_CANCELLED',
  'VOLUNTEER_MESSAGE',
  'OPT_OUT_CONFIRMATION',
  'OPT_IN_CONFIRMATION',
  'LINK',
] as const;
export type OutgoingKind = (typeof OUTGOING_KINDS)[number];

/** Answers to the participant's own STOP/START: they go at once, whatever the hour or count. */
const CONFIRMATIONS: readonly OutgoingKind[] = ['OPT_OUT_CONFIRMATION', 'OPT_IN_CONFIRMATION'];

export type TextRefusal = 'NO_NUMBER' | 'NO_CONSENT' | 'NO_VOLUNTEER_CONSENT' | 'IN_PRISON' | 'OPTED_OUT' | 'DAILY_LIMIT' | 'TOO_LATE';

export interface ParticipantText {
  participantId: string;
  pairId?: string | null;
  meetingId?: string | null;
  kind: OutgoingKind;
  body: string;
  /** The same key twice queues one text: a retried action or job cannot send it again. */
  idempotencyKey: string;
  /** Not before this instant (and never in the quiet hours). */
  notBefore?: Date;
  /** Pointless after this instant (a reminder after its meeting): refused instead of held. */
  notAfter?: Date;
  sentById?: string | null;
}

/** `duplicate`: the key was queued before, nothing new was written. */
export type QueuedText =
  { queued: true; duplicate: boolean; id: string; sendAt: Date; plan: SmsPlan } | { queued: false; reason: TextRefusal };

/** Lets the in-process SMS sender start at once after a commit instead of at the next minute. */
export const smsOutboxEvents = new EventEmitter();

/** Call after the transaction that queued texts has committed. */
export function notifySmsOutbox(): void {
  smsOutboxEvents.emit('queued');
}

/**
 * Whether a text of this kind may go to the participant and when: a number, consent to texts
 * (and, for the volunteer's own messages, consent to those), not opted out, not in prison
 * unless the setting allows it, the quiet hours (it waits until they end) and the daily limit.
 * Confirmations of STOP/START need only the number.
 */
export async function checkParticipantText(
  tx: Tx,
  text: Pick<ParticipantText, 'participantId' | 'kind' | 'notBefore' | 'notAfter'>,
): Promise<{ allowed: true; phone: string; sendAt: Date } | { allowed: false; reason: TextRefusal }> {
  const participant = await tx.participant.findUnique({
    where: { id: text.participantId },
    select: {
      phone: true,
      anonymisedAt: true,
      expectedReleaseDate: true,
      actualReleaseDate: true,
      smsOptedOutAt: true,
      consents: { select: { ...CONSENT_FIELDS, smsAllowed: true, volunteerMayText: true } },
    },
  });
  if (!participant?.phone || participant.anonymisedAt) return { allowed: false, reason: 'NO_NUMBER' };
  const now = currentTime();
  let sendAt = text.notBefore && text.notBefore > now ? text.notBefore : now;
  if (CONFIRMATIONS.includes(text.kind)) return { allowed: true, phone: participant.phone, sendAt };
  const consent = consentInForce(participant.consents);
  if (!consent?.smsAllowed) return { allowed: false, reason: 'NO_CONSENT' };
  if (text.kind === 'VOLUNTEER_MESSAGE' && !consent.volunteerMayText) return { allowed: false, reason: 'NO_VOLUNTEER_CONSENT' };
  if (participant.smsOptedOutAt) return { allowed: false, reason: 'OPTED_OUT' };
  const settings = await getSettings(tx);
  sendAt = firstAllowedSend(sendAt, { startHour: settings.smsQuietStartHour, endHour: settings.smsQuietEndHour });
  if (text.notAfter && sendAt >= text.notAfter) return { allowed: false, reason: 'TOO_LATE' };
  if (!settings.smsIntoPrison && phaseOn(participant, osloDate(sendAt)) === 'IN_PRISON') {
    return { allowed: false, reason: 'IN_PRISON' };
  }
  const day = osloDate(sendAt);
  const sameDay = await tx.smsMessage.count({
    where: {
      participantId: text.participantId,
      direction: 'OUT',
      kind: { notIn: [...CONFIRMATIONS] },
      status: { not: 'CANCELLED' },
      dueAt: { gte: startOfOsloDay(day), lt: startOfOsloDay(addDays(day, 1)) },
    },
  });
  if (sameDay >= settings.smsMaxPerParticipantPerDay) return { allowed: false, reason: 'DAILY_LIMIT' };
  return { allowed: true, phone: participant.phone, sendAt };
}

function queuedBefore(existing: { id: string; dueAt: Date | null; nextAttemptAt: Date; body: string }): QueuedText {
  return { queued: true, duplicate: true, id: existing.id, sendAt: existing.dueAt ?? existing.nextAttemptAt, plan: planSms(existing.body) };
}

/**
 * The one way to text a participant: an outbox row written inside the caller's transaction
 * once checkParticipantText allows it. A refused text writes nothing and says why.
 *
 * Under races (issue #19): the participant's row is locked first on PostgreSQL (SQLite's write
 * transaction already runs alone), so two instances texting one participant take turns — the
 * second sees the first's row under the same key, and the daily limit counts it. Outside a
 * transaction, where nothing is locked, a second insert under the same key is refused by its
 * unique index and answered as the duplicate it is.
 */
export async function enqueueParticipantText(tx: Tx, text: ParticipantText): Promise<QueuedText> {
  await lockForUpdate(tx, 'Participant', text.participantId);
  const existing = await tx.smsMessage.findUnique({ where: { idempotencyKey: text.idempotencyKey } });
  if (existing) return queuedBefore(existing);
  const check = await checkParticipantText(tx, text);
  if (!check.allowed) return { queued: false, reason: check.reason };
  const plan = planSms(text.body);
  try {
    const row = await tx.smsMessage.create({
      data: {
        direction: 'OUT',
        idempotencyKey: text.idempotencyKey,
        kind: text.kind,
        participantId: text.participantId,
        pairId: text.pairId ?? null,
        meetingId: text.meetingId ?? null,
        sentById: text.sentById ?? null,
        phone: check.phone,
        body: text.body,
        encoding: plan.encoding,
        segments: plan.segments,
        status: 'PENDING',
        dueAt: check.sendAt,
        nextAttemptAt: check.sendAt,
      },
    });
    return { queued: true, duplicate: false, id: row.id, sendAt: check.sendAt, plan };
  } catch (error) {
    if (!(error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002')) throw error;
    const queued = await tx.smsMessage.findUnique({ where: { idempotencyKey: text.idempotencyKey } });
    if (!queued) throw error;
    return queuedBefore(queued);
  }
}
