import type { Prisma, SmsMessage } from '~/generated/prisma/client';
import type { Db } from '~/lib/db.server';
import { deliverDue, dueWhere, type DeliveryOptions } from '~/lib/outbox-delivery.server';
import type { SmsGateway } from '~/domain/sms/smpp-gateway.server';
import { planSms } from './encoding';

export interface SmsSendOptions extends DeliveryOptions {
  /** The sender name or number the participant sees (SMS_SENDER). */
  sender: string;
}

/**
 * Submits the texts that are due, through the outboxes' one delivery loop (`deliverDue`: a
 * lease per row, so two senders never submit the same row; retries after 1, 2, 4 … minutes
 * for 5 days, then FAILED). A text to a participant who has opted out (or been anonymised)
 * since it was queued is cancelled, not sent.
 */
export async function sendDueTexts(db: Db, gateway: SmsGateway, options: SmsSendOptions) {
  const outgoing = (now: Date): Prisma.SmsMessageWhereInput => ({ direction: 'OUT', ...dueWhere(now) });
  return deliverDue<
    SmsMessage & { participant: { smsOptedOutAt: Date | null; anonymisedAt: Date | null } | null },
    { gatewayMessageIds: string }
  >(
    {
      findDue: (now, take) =>
        db.smsMessage.findMany({
          where: outgoing(now),
          orderBy: { nextAttemptAt: 'asc' },
          take,
          include: { participant: { select: { smsOptedOutAt: true, anonymisedAt: true } } },
        }),
      update: async (id, onlyIf, data, now) =>
        (await db.smsMessage.updateMany({ where: { id, ...(onlyIf === 'due' ? outgoing(now) : { leaseOwner: options.owner }) }, data }))
          .count,
      deliver: async (candidate) => {
        const stopped = candidate.participant?.anonymisedAt || (candidate.participant?.smsOptedOutAt && !candidate.kind.startsWith('OPT_'));
        if (stopped) return { cancelled: 'OPTED_OUT' };
        const ids = await gateway.submit({ to: candidate.phone, from: options.sender, plan: planSms(candidate.body) });
        return { gatewayMessageIds: `,${ids.join(',')},` };
      },
      // Counted from when it was due on the app's clock (createdAt is the database's).
      dueSince: (candidate) => candidate.dueAt ?? candidate.createdAt,
    },
    options,
  );
}
