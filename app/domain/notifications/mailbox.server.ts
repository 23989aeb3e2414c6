import { db } from '~/lib/db.server';
import { renderEmail, type EmailTemplate, type TemplateData } from '~/lib/email-templates';
import { isLanguage } from '~/lib/i18n';
import { currentTime } from '~/lib/clock';

/** The newest outbox rows rendered as their recipients see them (the demo's dev mailbox). */
export async function mailboxEmails(publicUrl: string, take = 50) {
  const rows = await db.outboxEmail.findMany({ orderBy: { createdAt: 'desc' }, take });
  return rows.map((row) => {
    const rendered = renderEmail(
      row.template as EmailTemplate,
      row.data as TemplateData<EmailTemplate>,
      isLanguage(row.language) ? row.language : 'nb',
      publicUrl,
    );
    return {
      id: row.id,
      to: row.toAddress,
      status: row.status,
      createdAt: row.createdAt,
      subject: rendered.subject,
      text: rendered.text,
    };
  });
}

/** Emails that gave up after five days, for the coordinator's dashboard. */
export function failedEmails() {
  return db.outboxEmail.findMany({
    where: { status: 'FAILED' },
    orderBy: { createdAt: 'desc' },
    take: 20,
    select: { id: true, toAddress: true, template: true, attempts: true, lastError: true, createdAt: true },
  });
}

/** Puts a failed email back in the queue (the coordinator's "try again"). */
export async function retryFailedEmail(id: string, now = currentTime()): Promise<boolean> {
  const result = await db.outboxEmail.updateMany({
    where: { id, status: 'FAILED' },
    data: { status: 'PENDING', nextAttemptAt: now, attempts: 0, createdAt: now },
  });
  return result.count === 1;
}
