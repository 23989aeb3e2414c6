import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { databaseProvider } from '~/lib/database-url';

/**
 * The URL of a SQLite database for a test of SQLite's own tools (the online backup and the
 * restore, which PostgreSQL does with pg_dump instead): on a SQLite run the test file's own
 * database (the app's `db` uses it), on a PostgreSQL run a fresh copy of the run's migrated SQLite
 * base (tests/setup/global-setup.ts makes it on both), removed with `remove`. So such a test
 * runs, and counts, on both databases.
 */
export function sqliteDatabaseForTest(): { url: string; isAppDatabase: boolean; remove: () => void } {
  const url = process.env.DATABASE_URL!;
  if (databaseProvider(url) === 'sqlite') return { url, isAppDatabase: true, remove: () => undefined };
  const dir = process.env.BROBYGGER_TEST_DIR!;
  const file = path.join(dir, `sqlite-${process.pid}-${crypto.randomBytes(4).toString('hex')}.db`);
  fs.copyFileSync(path.join(dir, 'base.db'), file);
  return {
    url: `file:${file}`,
    isAppDatabase: false,
    remove: () => {
      for (const end of ['', '-wal', '-shm']) fs.rmSync(`${file}${end}`, { force: true });
    },
  };
}
