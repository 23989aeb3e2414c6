import { writeInBatches, type Db } from '~/lib/db.server';
import { enqueueEmail } from '~/lib/email.server';
import { summarizeEmail, type EmailTemplate, type TemplateData } from '~/lib/email-templates';
import { isLanguage } from '~/lib/i18n';
import { todayInOslo } from '~/lib/time';
import { currentTime } from '~/lib/clock';

/**
 * Bundles every routine email held for digest users into one email each. The digest's
 * idempotency key is per user and Oslo day, and the held rows are marked in the same
 * transaction, so a rerun of the job sends nothing twice.
 */
export async function sendDailyDigests(db: Db, now = currentTime()): Promise<number> {
  const held = await db.outboxEmail.findMany({
    where: { status: 'HELD', userId: { not: null } },
    orderBy: { createdAt: 'asc' },
    select: { id: true, userId: true, template: true, data: true, language: true },
  });
  const byUser = new Map<string, typeof held>();
  for (const row of held) {
    const list = byUser.get(row.userId!) ?? [];
    list.push(row);
    byUser.set(row.userId!, list);
  }
  await writeInBatches(db, [...byUser], async (tx, [userId, rows]) => {
    const [first] = rows;
    if (!first) return;
    const user = await tx.user.findUnique({ where: { id: userId } });
    if (!user || user.deactivatedAt) {
      await tx.outboxEmail.updateMany({ where: { id: { in: rows.map((r) => r.id) } }, data: { status: 'DIGESTED' } });
      return;
    }
    const language = isLanguage(user.language) ? user.language : 'nb';
    const items = rows.map((row) => summarizeEmail(row.template as EmailTemplate, row.data as TemplateData<EmailTemplate>, language));
    await enqueueEmail(tx, {
      to: user.email,
      template: 'digest',
      data: { items },
      language,
      idempotencyKey: `digest:${userId}:${todayInOslo(now)}:${first.id}`,
      urgent: true, // the digest itself is never held again
    });
    await tx.outboxEmail.updateMany({
      where: { id: { in: rows.map((r) => r.id) }, status: 'HELD' },
      data: { status: 'DIGESTED' },
    });
  });
  return byUser.size;
}
