import path from 'node:path';

// Per port, so two e2e runs on one machine (different E2E_PORT) never share files.
export const E2E_DIR = path.resolve(import.meta.dirname, '..', `.tmp-e2e-${process.env.E2E_PORT ?? 'unset'}`);
/** One JSON object per email the e2e SMTP server received. */
export const MAILBOX_FILE = path.join(E2E_DIR, 'mailbox.jsonl');
