/**
 * `npm run restore -- <backup file>`: replaces the SQLite database that DATABASE_URL names
 * with a backup, once the backup has passed SQLite's integrity check and carries Brobygger's
 * migrations, and only while no process has the database open. The replaced database is kept
 * beside it. Start the app again afterwards (`npm start` applies any newer migrations).
 */
import { restoreDatabase, sqliteDatabasePath } from './sqlite-backup';

const [file] = process.argv.slice(2);
if (!file) {
  console.error('Usage: npm run restore -- <backup file>');
  process.exit(1);
}
try {
  const result = restoreDatabase(file, sqliteDatabasePath(process.env.DATABASE_URL));
  console.log(`Restored ${result.restored} from ${file} (${result.migrations.length} migrations).`);
  if (result.previous) console.log(`The database it replaced is kept as ${result.previous}.`);
} catch (error) {
  console.error(`Restore refused: ${(error as Error).message}`);
  process.exitCode = 1;
}
