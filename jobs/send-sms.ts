import { sendDueTexts } from '~/domain/sms/sender.server';
import type { JobDefinition } from './job';

/** Submits due texts over SMPP with retries; also started at once when a text is queued. SMS off: nothing. */
export const sendSmsJob: JobDefinition = {
  name: 'send-sms',
  cron: '* * * * *',
  leaseMs: 5 * 60 * 1000,
  run: async ({ db, sms, owner }) => (sms ? sendDueTexts(db, sms.gateway, { owner, sender: sms.sender }) : { off: true }),
};
