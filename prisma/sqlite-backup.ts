/**
 * Online backup and verified restore of the embedded SQLite database (`npm run backup`,
 * `npm run restore`; see docs/operations.md). PostgreSQL installations use pg_dump or
 * point-in-time recovery instead.
 *
 * The backup goes through SQLite's online backup API (better-sqlite3's `backup()`): it reads a
 * consistent snapshot while the app and the jobs keep reading and writing (WAL), and restarts
 * by itself when another process writes during the copy. The copy is written beside its target
 * and renamed into place once it has passed the same checks a restore makes, so a backup file
 * is never half-written.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { resolveDatabaseUrl, sqliteFilePath } from '../app/lib/database-url';
import { currentTime } from '../app/lib/clock';

const MIGRATIONS_DIR = path.resolve(import.meta.dirname, 'migrations');

/** The SQLite file DATABASE_URL names; a PostgreSQL URL is refused (use pg_dump there). */
export function sqliteDatabasePath(databaseUrl: string | undefined): string {
  const url = resolveDatabaseUrl(databaseUrl);
  if (/^postgres(ql)?:\/\//.test(url)) {
    throw new Error('DATABASE_URL points at PostgreSQL: back it up with pg_dump or point-in-time recovery (docs/operations.md).');
  }
  return path.resolve(sqliteFilePath(url));
}

/** The migrations this release knows, oldest first (the folder names under prisma/migrations). */
export function knownMigrations(dir = MIGRATIONS_DIR): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && fs.existsSync(path.join(dir, entry.name, 'migration.sql')))
    .map((entry) => entry.name)
    .sort();
}

export interface DatabaseCheck {
  migrations: string[];
}

/**
 * Whether `file` is a sound Brobygger database this release can run on: SQLite's
 * `integrity_check` answers "ok", and its `_prisma_migrations` table holds this project's first
 * migration and none this release does not know. Throws with the reason otherwise.
 */
export function verifyBrobyggerDatabase(file: string): DatabaseCheck {
  if (!fs.existsSync(file)) throw new Error(`${file} does not exist.`);
  let database: Database.Database;
  try {
    database = new Database(file, { readonly: true, fileMustExist: true });
  } catch (error) {
    throw new Error(`${file} cannot be opened as SQLite: ${(error as Error).message}`);
  }
  try {
    let integrity: unknown[];
    try {
      integrity = database.pragma('integrity_check', { simple: false }) as unknown[];
    } catch (error) {
      throw new Error(`${file} is not a SQLite database: ${(error as Error).message}`);
    }
    const problems = integrity.map((row) => Object.values(row as Record<string, unknown>)[0]);
    if (problems.length !== 1 || problems[0] !== 'ok') {
      throw new Error(`${file} fails SQLite's integrity check: ${problems.slice(0, 5).join('; ')}`);
    }
    const table = database.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name = '_prisma_migrations'`).get();
    if (!table) throw new Error(`${file} is a SQLite database but not Brobygger's: it has no _prisma_migrations table.`);
    const migrations = (
      database
        .prepare(
          `SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name`,
        )
        .all() as { migration_name: string }[]
    ).map((row) => row.migration_name);
    const known = knownMigrations();
    if (migrations[0] !== known[0]) {
      throw new Error(`${file} is not a Brobygger database: its first migration is ${migrations[0] ?? 'missing'}, expected ${known[0]}.`);
    }
    const unknown = migrations.filter((name) => !known.includes(name));
    if (unknown.length > 0) {
      throw new Error(`${file} was made by a newer release: this one does not know the migrations ${unknown.join(', ')}.`);
    }
    return { migrations };
  } finally {
    database.close();
  }
}

/** `brobygger-20261202T170341Z.db`: sorts by time, safe in every file system. */
export function backupFileName(now = currentTime()): string {
  return `brobygger-${now
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}Z$/, 'Z')}.db`;
}

/**
 * Copies the live database at `source` to `target` (a file, or a directory for a timestamped
 * file in it) while the app may be running. Returns the file written.
 */
export async function backupDatabase(source: string, target: string): Promise<string> {
  if (!fs.existsSync(source)) throw new Error(`There is no database at ${source}.`);
  const directory = /[\\/]$/.test(target) || (fs.existsSync(target) && fs.statSync(target).isDirectory());
  const file = directory ? path.join(path.resolve(target), backupFileName()) : path.resolve(target);
  if (fs.existsSync(file)) throw new Error(`${file} exists already: a backup never overwrites a file.`);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const partial = `${file}.partial`;
  fs.rmSync(partial, { force: true });
  const database = new Database(source, { fileMustExist: true });
  try {
    database.pragma('busy_timeout = 5000');
    await database.backup(partial);
  } finally {
    database.close();
  }
  try {
    verifyBrobyggerDatabase(partial);
  } catch (error) {
    fs.rmSync(partial, { force: true });
    throw error;
  }
  fs.renameSync(partial, file);
  return file;
}

/**
 * Whether a process has the database open: leaving WAL mode needs every other connection to be
 * closed, so it fails with SQLITE_BUSY while the app or the jobs process runs on the file.
 */
export function databaseInUse(file: string): boolean {
  if (!fs.existsSync(file)) return false;
  const database = new Database(file, { fileMustExist: true });
  try {
    database.pragma('busy_timeout = 0');
    return database.pragma('journal_mode = DELETE', { simple: true }) !== 'delete';
  } catch (error) {
    if ((error as { code?: string }).code?.startsWith('SQLITE_BUSY')) return true;
    throw error;
  } finally {
    database.close();
  }
}

export interface RestoreResult {
  restored: string;
  /** Where the database that was replaced now is (null when there was none). */
  previous: string | null;
  migrations: string[];
}

/**
 * Replaces the database at `target` with the backup `file`, after checking the backup
 * (integrity, Brobygger's migrations) and that nothing has the target open. The replaced
 * database is kept beside it as `<name>.before-restore-<time>.db`. Migrations the backup lacks
 * are applied by `prisma migrate deploy` at the next start (`npm start` runs it).
 */
export function restoreDatabase(file: string, target: string): RestoreResult {
  const backup = path.resolve(file);
  const { migrations } = verifyBrobyggerDatabase(backup);
  const destination = path.resolve(target);
  if (backup === destination) throw new Error('The backup is the database itself.');
  if (databaseInUse(destination)) {
    throw new Error(`${destination} is in use: stop the app and the jobs process first, then restore.`);
  }
  fs.mkdirSync(path.dirname(destination), { recursive: true });
  const incoming = `${destination}.restoring`;
  fs.copyFileSync(backup, incoming);
  let previous: string | null = null;
  if (fs.existsSync(destination)) {
    previous = destination.replace(/(\.db)?$/, `.before-restore-${backupFileName().replace(/^brobygger-|\.db$/g, '')}.db`);
    fs.renameSync(destination, previous);
  }
  // No WAL of the replaced database may be replayed into the restored one.
  for (const suffix of ['-wal', '-shm', '-journal']) fs.rmSync(`${destination}${suffix}`, { force: true });
  fs.renameSync(incoming, destination);
  return { restored: destination, previous, migrations };
}
