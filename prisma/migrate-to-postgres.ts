/**
 * `npm run migrate-to-postgres -- <postgresql://… of an empty database>`: copies the SQLite
 * database that DATABASE_URL names (or `--from file:…`) into PostgreSQL — `migrate deploy` on the
 * target first, every table in one transaction, types converted, row counts verified
 * (prisma/sqlite-to-postgres.ts). Stop the app (web and jobs) before the copy; afterwards set
 * DATABASE_URL to the PostgreSQL URL and start it again. See docs/operations.md.
 */
import { resolveDatabaseUrl } from '../app/lib/database-url';
import { copySqliteToPostgres } from './sqlite-to-postgres';

const args = process.argv.slice(2);
const fromIndex = args.indexOf('--from');
const from = fromIndex >= 0 ? args[fromIndex + 1] : resolveDatabaseUrl(process.env.DATABASE_URL);
const to = args.filter((_, i) => i !== fromIndex && i !== fromIndex + 1)[0];
if (!from || !to) {
  console.error('Usage: npm run migrate-to-postgres -- [--from file:./data/brobygger.db] postgresql://user@host:5432/brobygger');
  process.exit(1);
}
try {
  const report = await copySqliteToPostgres({ from, to, log: (line) => console.log(line) });
  console.log(
    `Copied ${report.rows} rows in ${report.tables.length} tables in ${report.seconds.toFixed(1)} s; every table's row count matches.`,
  );
  if (report.nulReplaced > 0)
    console.log(`${report.nulReplaced} text values held U+0000, which PostgreSQL cannot store: written with U+FFFD.`);
  console.log('Now set DATABASE_URL to the PostgreSQL URL and start the app (npm start).');
} catch (error) {
  console.error(`Copy refused: ${(error as Error).message}`);
  process.exitCode = 1;
}
