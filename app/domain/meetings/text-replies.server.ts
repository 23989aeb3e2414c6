import { withoutNul } from '~/lib/nul-guard.server';
import { RUNNING_PAIR_STATUSES } from '~/lib/permissions.server';
import { currentTime } from '~/lib/clock';
import { lockKey } from '~/lib/row-lock.server';
import { db, type Db, type Tx } from '~/lib/db.server';
import { enqueueEmail, notifyOutbox } from '~/lib/email.server';
import { isLanguage } from '~/lib/i18n';
import type { IncomingText } from '~/domain/sms/smpp-gateway.server';
import { recordParticipantAnswer } from './participant-answer.server';
import { parsePhone } from '~/domain/participants/phone';
import { planSms } from '~/domain/sms/encoding';
import { enqueueParticipantText, notifySmsOutbox } from '~/domain/sms/outbox.server';
import { interpretReply, receiptDelivered } from '~/domain/sms/replies';
import { OPT_IN_CONFIRMATION, OPT_OUT_CONFIRMATION } from '~/domain/sms/texts';

/** A reply is read against what the programme last texted the person within this time. */
const CONTEXT_MS = 14 * 24 * 60 * 60 * 1000;
const ANSWERABLE: readonly string[] = ['MEETING_REMINDER', 'MEETING_MOVED'];
/**
 * An SMSC delivers a text again when it got no answer to its deliver_sm (the connection dropped
 * after the app stored it). Without an SMSC id, the same text from the same number within this
 * time is taken for that redelivery (a person sending the very same words twice within it loses
 * nothing: the first one is already stored and acted on).
 */
export const REDELIVERY_WINDOW_MS = 10 * 60 * 1000;

/** Everything the SMSC delivers: a participant's text or a delivery receipt. */
export async function receiveIncoming(db: Db, incoming: IncomingText): Promise<void> {
  if (incoming.kind === 'receipt') await recordDeliveryReceipt(db, incoming.messageId, incoming.stat);
  else await receiveParticipantText(incoming.from, incoming.text, incoming.messageId);
}

/** Marks the text one of whose parts the receipt names; a receipt for no known text is ignored. */
export async function recordDeliveryReceipt(db: Db, messageId: string, stat: string | null): Promise<boolean> {
  if (!messageId || !stat) return false;
  const changed = await db.smsMessage.updateMany({
    where: { direction: 'OUT', gatewayMessageIds: { contains: `,${messageId},` }, status: { in: ['SENT', 'DELIVERED', 'UNDELIVERED'] } },
    data: { receiptStatus: stat, receiptAt: currentTime(), status: receiptDelivered(stat) ? 'DELIVERED' : 'UNDELIVERED' },
  });
  return changed.count > 0;
}

/** SMSCs give the sender as digits with the country code ("4791234567"). */
function senderNumber(from: string): string {
  const trimmed = from.trim();
  return parsePhone(/^\d{9,15}$/.test(trimmed) ? `+${trimmed}` : trimmed) ?? trimmed;
}

/**
 * A participant's text: STOP/STOPP opts out at once (pending texts are cancelled) and is
 * confirmed by one text, START opts in again; JA/NEI to a meeting reminder answers the
 * meeting; a reply after the volunteer's message goes to the pair's thread and the
 * volunteer; anything else lands in the coordinators' inbox on the dashboard.
 */
export async function receiveParticipantText(from: string, text: string, smscId: string | null = null): Promise<void> {
  const phone = senderNumber(from);
  // A gateway may pad or end a text with NULs; the database is never given one (nul-guard.server.ts).
  const body = withoutNul(text).slice(0, 2000);
  const plan = planSms(body);
  const now = currentTime();
  const inboundKey = smscId ? withoutNul(smscId).slice(0, 200) : null;
  await db.$transaction(async (tx) => {
    // A redelivered text is stored (and acted on) once: two instances receiving it take turns
    // here on PostgreSQL (SQLite's write transaction already runs alone), and the unique
    // inboundKey refuses a second row with the SMSC's id in any case.
    await lockKey(tx, `sms-in:${phone}`);
    const delivered = await tx.smsMessage.findFirst({
      where: inboundKey
        ? { inboundKey }
        : { direction: 'IN', phone, body, sentAt: { gte: new Date(now.getTime() - REDELIVERY_WINDOW_MS), lte: now } },
      select: { id: true },
    });
    if (delivered) return;
    const participant = await tx.participant.findFirst({
      where: { phone, anonymisedAt: null },
      orderBy: { createdAt: 'desc' },
      select: {
        id: true,
        smsOptedOutAt: true,
        pairs: { where: { status: { in: [...RUNNING_PAIR_STATUSES] } }, select: { id: true }, take: 1 },
      },
    });
    const incoming = (fields: { kind: string; status: string; pairId?: string | null; meetingId?: string | null }) =>
      tx.smsMessage.create({
        data: {
          direction: 'IN',
          participantId: participant?.id ?? null,
          phone,
          body,
          encoding: plan.encoding,
          segments: plan.segments,
          sentAt: now,
          inboundKey,
          ...fields,
        },
      });
    if (!participant) {
      await incoming({ kind: 'UNRECOGNISED', status: 'NEEDS_ATTENTION' });
      return;
    }
    const activePairId = participant.pairs[0]?.id ?? null;
    const meaning = interpretReply(body);
    if (meaning === 'STOP' || meaning === 'START') {
      const row = await incoming({ kind: meaning === 'STOP' ? 'OPT_OUT' : 'OPT_IN', status: 'RECEIVED', pairId: activePairId });
      await optInOrOut(tx, participant.id, meaning === 'STOP', row.id);
      return;
    }
    const last = await tx.smsMessage.findFirst({
      where: {
        participantId: participant.id,
        direction: 'OUT',
        status: { in: ['SENT', 'DELIVERED'] },
        sentAt: { gte: new Date(now.getTime() - CONTEXT_MS) },
      },
      orderBy: { sentAt: 'desc' },
      select: { kind: true, meetingId: true, pairId: true },
    });
    if ((meaning === 'YES' || meaning === 'NO') && last?.meetingId && ANSWERABLE.includes(last.kind)) {
      const answered = await recordParticipantAnswer(tx, last.meetingId, meaning === 'YES' ? 'CONFIRMED' : 'CANT_COME', 'SMS');
      if (answered) {
        await incoming({ kind: 'ANSWER', status: 'RECEIVED', pairId: last.pairId, meetingId: last.meetingId });
        return;
      }
    }
    if (last?.kind === 'VOLUNTEER_MESSAGE' && last.pairId && last.pairId === activePairId) {
      await incoming({ kind: 'REPLY', status: 'RECEIVED', pairId: last.pairId });
      await tellVolunteerOfReply(tx, last.pairId, now);
      return;
    }
    await incoming({ kind: 'UNRECOGNISED', status: 'NEEDS_ATTENTION', pairId: activePairId, meetingId: last?.meetingId ?? null });
  });
  notifyOutbox();
  notifySmsOutbox();
}

async function optInOrOut(tx: Tx, participantId: string, stop: boolean, incomingId: string) {
  const now = currentTime();
  await tx.participant.update({ where: { id: participantId }, data: { smsOptedOutAt: stop ? now : null } });
  if (stop) {
    await tx.smsMessage.updateMany({
      where: { participantId, direction: 'OUT', status: 'PENDING' },
      data: { status: 'CANCELLED', lastError: 'OPTED_OUT' },
    });
  }
  await enqueueParticipantText(tx, {
    participantId,
    kind: stop ? 'OPT_OUT_CONFIRMATION' : 'OPT_IN_CONFIRMATION',
    body: stop ? OPT_OUT_CONFIRMATION : OPT_IN_CONFIRMATION,
    idempotencyKey: `sms-opt:${incomingId}`,
  });
}

/** One email per reply (in the volunteer's delivery preference: at once or in the digest). */
async function tellVolunteerOfReply(tx: Tx, pairId: string, now: Date) {
  const pair = await tx.pair.findUniqueOrThrow({
    where: { id: pairId },
    select: { volunteer: { select: { user: { select: { id: true, email: true, language: true, deactivatedAt: true } } } } },
  });
  const user = pair.volunteer.user;
  if (!user || user.deactivatedAt) return;
  await enqueueEmail(tx, {
    to: user.email,
    userId: user.id,
    template: 'participant-text-reply',
    data: { pairId },
    language: isLanguage(user.language) ? user.language : 'nb',
    idempotencyKey: `participant-text-reply:${pairId}:${now.getTime()}`,
  });
}
