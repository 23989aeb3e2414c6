import type { Prisma } from '~/generated/prisma/client';
import type { Db } from './db.server';
import type { MailTransport } from './email-transport.server';
import { renderEmail, type EmailTemplate, type TemplateData } from './email-templates';
import { isLanguage } from './i18n';
import { currentTime } from '~/lib/clock';

/** A row is retried with growing delays for this long, then marked FAILED for the dashboard. */
export const GIVE_UP_AFTER_MS = 5 * 24 * 60 * 60 * 1000;
const MAX_DELAY_MS = 6 * 60 * 60 * 1000;

/** 1, 2, 4, 8 … minutes after each failed attempt, at most 6 hours. */
export function retryDelayMs(attempts: number): number {
  return Math.min(60_000 * 2 ** Math.max(0, attempts - 1), MAX_DELAY_MS);
}

function dueWhere(now: Date): Prisma.OutboxEmailWhereInput {
  return {
    OR: [
      { status: 'PENDING', nextAttemptAt: { lte: now } },
      // A sender that died mid-send left its lease behind; once it expires the row is free.
      { status: 'SENDING', leaseUntil: { lt: now } },
    ],
  };
}

export interface SendOptions {
  owner: string;
  publicUrl: string;
  now?: () => Date;
  batchSize?: number;
  leaseMs?: number;
}

/**
 * Sends what is due. Each row is claimed with a conditional update (a lease), so two senders
 * never send the same row while the lease lives; the row's Message-ID is fixed when it is
 * queued, so a resend after an ambiguous failure is recognisable as the same message.
 */
export async function sendDueEmails(db: Db, transport: MailTransport, options: SendOptions) {
  const clock = options.now ?? (() => currentTime());
  const leaseMs = options.leaseMs ?? 60_000;
  const result = { sent: 0, retried: 0, failed: 0 };
  const candidates = await db.outboxEmail.findMany({
    where: dueWhere(clock()),
    orderBy: { nextAttemptAt: 'asc' },
    take: options.batchSize ?? 25,
  });
  for (const candidate of candidates) {
    const now = clock();
    const claim = await db.outboxEmail.updateMany({
      where: { id: candidate.id, ...dueWhere(now) },
      data: { status: 'SENDING', leaseOwner: options.owner, leaseUntil: new Date(now.getTime() + leaseMs) },
    });
    if (claim.count !== 1) continue;
    const language = isLanguage(candidate.language) ? candidate.language : 'nb';
    try {
      const rendered = renderEmail(
        candidate.template as EmailTemplate,
        candidate.data as TemplateData<EmailTemplate>,
        language,
        options.publicUrl,
      );
      await transport.send({ to: candidate.toAddress, messageId: candidate.messageId, ...rendered });
      await db.outboxEmail.updateMany({
        where: { id: candidate.id, leaseOwner: options.owner },
        data: { status: 'SENT', sentAt: clock(), leaseOwner: null, leaseUntil: null, lastError: null },
      });
      result.sent += 1;
    } catch (error) {
      const attempts = candidate.attempts + 1;
      const failedAt = clock();
      const giveUp = failedAt.getTime() - candidate.createdAt.getTime() >= GIVE_UP_AFTER_MS;
      await db.outboxEmail.updateMany({
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
