import path from 'node:path';

export const E2E_DIR = path.resolve(import.meta.dirname, '..', '.tmp-e2e');
/** One JSON object per email the e2e SMTP server received. */
export const MAILBOX_FILE = path.join(E2E_DIR, 'mailbox.jsonl');
