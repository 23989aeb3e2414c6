import { sendDueEmails } from '~/lib/outbox-sender.server';
import type { JobDefinition } from './job';

/** Sends due outbox rows with retries; also started at once when an email is queued. */
export const sendOutboxJob: JobDefinition = {
  name: 'send-outbox',
  cron: '* * * * *',
  leaseMs: 5 * 60 * 1000,
  run: ({ db, transport, owner, publicUrl }) => sendDueEmails(db, transport, { owner, publicUrl }),
};
