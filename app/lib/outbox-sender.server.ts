import type { OutboxEmail } from '~/generated/prisma/client';
import type { Db } from './db.server';
import type { MailTransport } from './email-transport.server';
import { renderEmail, type EmailTemplate, type TemplateData } from './email-templates';
import { isLanguage } from './i18n';
import { deliverDue, dueWhere, type DeliveryOptions } from './outbox-delivery.server';

export { GIVE_UP_AFTER_MS, retryDelayMs } from './outbox-delivery.server';

export interface SendOptions extends DeliveryOptions {
  publicUrl: string;
}

/**
 * Sends the emails that are due, through the outboxes' one delivery loop (`deliverDue`: a
 * lease per row, retries for 5 days); the row's Message-ID is fixed when it is queued, so a
 * resend after an ambiguous failure is recognisable as the same message.
 */
export async function sendDueEmails(db: Db, transport: MailTransport, options: SendOptions) {
  const { sent, retried, failed } = await deliverDue<OutboxEmail, object>(
    {
      findDue: (now, take) => db.outboxEmail.findMany({ where: dueWhere(now), orderBy: { nextAttemptAt: 'asc' }, take }),
      update: async (id, onlyIf, data, now) =>
        (await db.outboxEmail.updateMany({ where: { id, ...(onlyIf === 'due' ? dueWhere(now) : { leaseOwner: options.owner }) }, data }))
          .count,
      deliver: async (candidate) => {
        const language = isLanguage(candidate.language) ? candidate.language : 'nb';
        const rendered = renderEmail(
          candidate.template as EmailTemplate,
          candidate.data as TemplateData<EmailTemplate>,
          language,
          options.publicUrl,
        );
        await transport.send({ to: candidate.toAddress, messageId: candidate.messageId, ...rendered });
        return {};
      },
      dueSince: (candidate) => candidate.createdAt,
    },
    options,
  );
  return { sent, retried, failed };
}
