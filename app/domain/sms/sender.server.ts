import type { Prisma } from '~/generated/prisma/client';
import { currentTime } from '~/lib/clock';
import type { Db } from '~/lib/db.server';
import { GIVE_UP_AFTER_MS, retryDelayMs } from '~/lib/outbox-sender.server';
import type { SmsGateway } from '~/domain/sms/smpp-gateway.server';
import { planSms } from './encoding';

function dueWhere(now: Date): Prisma.SmsMessageWhereInput {
  return {
    direction: 'OUT',
    OR: [
      { status: 'PENDING', nextAttemptAt: { lte: now } },
      // A sender that died mid-send left its lease behind; once it expires the row is free.
      { status: 'SENDING', leaseUntil: { lt: now } },
    ],
  };
}

export interface SmsSendOptions {
  owner: string;
  /** The sender name or number the participant sees (SMS_SENDER). */
  sender: string;
  now?: () => Date;
  batchSize?: number;
  leaseMs?: number;
}

/**
 * Submits the texts that are due, like the email outbox: each row is leased with a
 * conditional update, so two senders never submit the same row; a failure (gateway down,
 * refused) is retried after 1, 2, 4 … minutes for 5 days, then the row is FAILED. A text to a
 * participant who has opted out since it was queued is cancelled, not sent.
 */
export async function sendDueTexts(db: Db, gateway: SmsGateway, options: SmsSendOptions) {
  const clock = options.now ?? (() => currentTime());
  const leaseMs = options.leaseMs ?? 60_000;
  const result = { sent: 0, retried: 0, failed: 0, cancelled: 0 };
  const candidates = await db.smsMessage.findMany({
    where: dueWhere(clock()),
    orderBy: { nextAttemptAt: 'asc' },
    take: options.batchSize ?? 25,
    include: { participant: { select: { smsOptedOutAt: true, anonymisedAt: true } } },
  });
  for (const candidate of candidates) {
    const now = clock();
    const claim = await db.smsMessage.updateMany({
      where: { id: candidate.id, ...dueWhere(now) },
      data: { status: 'SENDING', leaseOwner: options.owner, leaseUntil: new Date(now.getTime() + leaseMs) },
    });
    if (claim.count !== 1) continue;
    const stopped = candidate.participant?.anonymisedAt || (candidate.participant?.smsOptedOutAt && !candidate.kind.startsWith('OPT_'));
    if (stopped) {
      await db.smsMessage.updateMany({
        where: { id: candidate.id, leaseOwner: options.owner },
        data: { status: 'CANCELLED', leaseOwner: null, leaseUntil: null, lastError: 'OPTED_OUT' },
      });
      result.cancelled += 1;
      continue;
    }
    try {
      const ids = await gateway.submit({ to: candidate.phone, from: options.sender, plan: planSms(candidate.body) });
      await db.smsMessage.updateMany({
        where: { id: candidate.id, leaseOwner: options.owner },
        data: {
          status: 'SENT',
          sentAt: clock(),
          gatewayMessageIds: `,${ids.join(',')},`,
          leaseOwner: null,
          leaseUntil: null,
          lastError: null,
        },
      });
      result.sent += 1;
    } catch (error) {
      const attempts = candidate.attempts + 1;
      const failedAt = clock();
      // Counted from when it was due on the app's clock (createdAt is the database's).
      const giveUp = failedAt.getTime() - (candidate.dueAt ?? candidate.createdAt).getTime() >= GIVE_UP_AFTER_MS;
      await db.smsMessage.updateMany({
        where: { id: candidate.id, leaseOwner: options.owner },
        data: {
          status: giveUp ? 'FAILED' : 'PENDING',
          attempts,
          nextAttemptAt: new Date(failedAt.getTime() + retryDelayMs(attempts)),
          leaseOwner: null,
          leaseUntil: null,
          lastError: String(error instanceof Error ? error.message : error).slice(0, 500),
        },
      });
      if (giveUp) result.failed += 1;
      else result.retried += 1;
    }
  }
  return result;
}
