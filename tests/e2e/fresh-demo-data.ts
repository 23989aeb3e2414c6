import fs from 'node:fs';
import { MAILBOX_FILE } from './paths';

/**
 * Gives a spec file a database of its own: every table of the e2e server's SQLite file is
 * emptied and the demo data seeded again at the app's "now", and the mailbox file is emptied,
 * so no spec sees another's leftovers whatever order they run in. The server keeps running;
 * SQLite in WAL mode lets this process write while the server reads. The worker's client points
 * at the server's file through DATABASE_URL, set in tests/playwright.config.ts.
 */
export async function freshDemoData(): Promise<void> {
  const [{ db }, { resetDatabase }, { seedDemoData }] = await Promise.all([
    import('~/lib/db.server'),
    import('../support/reset'),
    import('../../prisma/demo-seed'),
  ]);
  await resetDatabase();
  await seedDemoData(db);
  fs.writeFileSync(MAILBOX_FILE, '');
}
