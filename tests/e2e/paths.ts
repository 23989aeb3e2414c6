import path from 'node:path';

// Per port, so two e2e runs on one machine (different E2E_PORT) never share files.
export const E2E_DIR = path.resolve(import.meta.dirname, '..', `.tmp-e2e-${process.env.E2E_PORT ?? 'unset'}`);
/** One JSON object per email the e2e SMTP server received. */
export const MAILBOX_FILE = path.join(E2E_DIR, 'mailbox.jsonl');

/**
 * The e2e server's database: a SQLite file in E2E_DIR, or with TEST_POSTGRES_URL a PostgreSQL
 * database of its own per port (made afresh by tests/e2e/server.ts).
 */
export function e2eDatabaseUrl(): string {
  const server = process.env.TEST_POSTGRES_URL;
  if (!server) return `file:${path.join(E2E_DIR, 'e2e.db')}`;
  const url = new URL(server);
  url.pathname = `/brobygger_e2e_${process.env.E2E_PORT ?? 'unset'}`;
  return url.toString();
}
