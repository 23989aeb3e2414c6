import crypto from 'node:crypto';
import { EventEmitter } from 'node:events';
import { currentTime } from './clock';
import type { Tx } from './db.server';
import type { EmailTemplate, TemplateData } from './email-templates';
import { env } from './env.server';
import { isLanguage, type Language } from './i18n';

export interface EmailRequest<T extends EmailTemplate = EmailTemplate> {
  to: string;
  template: T;
  data: TemplateData<T>;
  language: Language;
  /** The same key twice queues one email: a retried action or job cannot send it again. */
  idempotencyKey: string;
  /** Urgent emails (concerns, security) always go at once, whatever the recipient's preference. */
  urgent?: boolean;
  userId?: string | null;
  participantId?: string | null;
}

/** Lets the in-process sender start at once after a commit instead of at the next minute. */
export const outboxEvents = new EventEmitter();

function messageIdFor(): string {
  const host = new URL(env().PUBLIC_URL).hostname || 'brobygger.local';
  return `<${crypto.randomUUID()}@${host}>`;
}

/**
 * The one way to send an email: an outbox row written inside the caller's transaction, so it
 * exists only if the change that causes it commits. A recipient who chose the daily digest
 * has routine emails held for it ("HELD"); urgent ones are never held.
 *
 * Idempotent under races too: one `INSERT … ON CONFLICT ("idempotencyKey") DO UPDATE` (Prisma's
 * native upsert; the update only sets the key to itself), so two instances queueing the same
 * key at once leave one row and neither fails. A read-then-create would let both miss each
 * other on PostgreSQL, and the loser's unique violation would abort its whole transaction.
 */
export async function enqueueEmail(tx: Tx, request: EmailRequest): Promise<void> {
  const recipient = request.userId ? await tx.user.findUnique({ where: { id: request.userId }, select: { notificationMode: true } }) : null;
  const held = !request.urgent && recipient?.notificationMode === 'DIGEST';
  await tx.outboxEmail.upsert({
    where: { idempotencyKey: request.idempotencyKey },
    // An email already queued under the key stays as it is (its status, lease and attempts).
    update: { idempotencyKey: request.idempotencyKey },
    select: { id: true },
    create: {
      idempotencyKey: request.idempotencyKey,
      toAddress: request.to,
      userId: request.userId ?? null,
      participantId: request.participantId ?? null,
      template: request.template,
      data: request.data as object,
      language: request.language,
      urgent: request.urgent ?? false,
      status: held ? 'HELD' : 'PENDING',
      messageId: messageIdFor(),
      // Due at the app's now, not the database's: the sender compares with currentTime().
      nextAttemptAt: currentTime(),
    },
  });
}

/** Call after the transaction that queued emails has committed. */
export function notifyOutbox(): void {
  outboxEvents.emit('queued');
}

/**
 * Queues one email to every active coordinator, each in their own language and delivery
 * preference. `key` makes the idempotency key per coordinator; `data` may depend on the
 * language (e.g. a month's name). Returns how many were queued.
 */
export async function emailCoordinators<T extends EmailTemplate>(
  tx: Tx,
  input: {
    template: T;
    data: TemplateData<T> | ((language: Language) => TemplateData<T>);
    key: (coordinatorId: string) => string;
    urgent?: boolean;
    participantId?: string | null;
  },
): Promise<number> {
  const coordinators = await tx.user.findMany({
    where: { role: 'COORDINATOR', deactivatedAt: null },
    select: { id: true, email: true, language: true },
  });
  for (const coordinator of coordinators) {
    const language = isLanguage(coordinator.language) ? coordinator.language : 'nb';
    await enqueueEmail(tx, {
      to: coordinator.email,
      userId: coordinator.id,
      template: input.template,
      data: typeof input.data === 'function' ? input.data(language) : input.data,
      language,
      idempotencyKey: input.key(coordinator.id),
      urgent: input.urgent,
      participantId: input.participantId ?? null,
    });
  }
  return coordinators.length;
}
