/**
 * `npm run backup [-- <file or directory>]`: an online copy of the SQLite database that
 * DATABASE_URL names, safe while the app runs. Without an argument the copy goes to
 * `backups/brobygger-<UTC time>.db` under the working directory. See docs/operations.md.
 */
import fs from 'node:fs';
import { backupDatabase, sqliteDatabasePath } from './sqlite-backup';

try {
  const target = process.argv[2] ?? 'backups';
  if (!process.argv[2]) fs.mkdirSync(target, { recursive: true });
  const file = await backupDatabase(sqliteDatabasePath(process.env.DATABASE_URL), target);
  console.log(`Backup written: ${file}`);
} catch (error) {
  console.error(`Backup failed: ${(error as Error).message}`);
  process.exitCode = 1;
}
