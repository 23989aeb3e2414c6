/**
 * Moves an existing SQLite installation to PostgreSQL (`npm run migrate-to-postgres`, see
 * docs/operations.md and prisma/migrate-to-postgres.ts). The target must be an empty database:
 * it is refused when any of its tables holds a row that a fresh `migrate deploy` does not put
 * there. Then `prisma migrate deploy` runs on it, both databases must carry the same migrations,
 * and every table is copied in ONE transaction, in batches of multi-row INSERTs, with the values
 * converted to the PostgreSQL column's type: DateTime (SQLite keeps milliseconds since 1970 or
 * text) → timestamp, booleans 0/1 → boolean, JSON text → jsonb. Foreign keys are checked at the
 * end of the transaction (made deferrable in it and restored before commit), so no table order
 * is needed. The row count of every table is compared before the commit: a difference rolls
 * everything back.
 *
 * Not copied: `_prisma_migrations` (the target has its own history from `migrate deploy`),
 * `DataVersion` (the target's own counter, raised by its triggers while copying) and
 * `ViewSnapshot` (kept views, decision 007: a cache, computed again on the first view).
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { sqliteFilePath } from '../app/lib/database-url';
import { isPostgresUrl, quoteIdentifier as q } from '../app/lib/postgresql-adapter';

const ROOT = path.resolve(import.meta.dirname, '..');
/** Tables the copy leaves alone (see above). */
export const NOT_COPIED = ['_prisma_migrations', 'DataVersion', 'ViewSnapshot'] as const;
/** PostgreSQL allows 65,535 parameters per statement; batches stay well below. */
const MAX_PARAMETERS = 30_000;
const MAX_ROWS_PER_BATCH = 1000;

export interface CopyReport {
  tables: { table: string; rows: number }[];
  rows: number;
  seconds: number;
  /** Text values that held U+0000, which PostgreSQL cannot store: written with U+FFFD instead. */
  nulReplaced: number;
}

interface Column {
  name: string;
  type: string;
}

/** A SQLite DateTime as Prisma wrote it (ms since 1970 as a number or digits, or ISO/SQL text) → UTC text for timestamp(3). */
export function toTimestamp(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  let date: Date;
  if (typeof value === 'number' || typeof value === 'bigint') date = new Date(Number(value));
  else if (typeof value === 'string' && /^-?\d+$/.test(value.trim())) date = new Date(Number(value.trim()));
  else if (typeof value === 'string') {
    // "2026-12-03 05:36:09" (CURRENT_TIMESTAMP) has no zone and is UTC; ISO text may carry Z or an offset.
    const text = value.trim().replace(' ', 'T');
    date = new Date(/(Z|[+-]\d\d:?\d\d)$/.test(text) ? text : `${text}Z`);
  } else throw new Error(`not a date-time: ${JSON.stringify(value)}`);
  if (Number.isNaN(date.getTime())) throw new Error(`not a date-time: ${String(value)}`);
  return date.toISOString().replace('Z', '');
}

export function toBoolean(value: unknown): boolean | null {
  if (value === null || value === undefined) return null;
  if (value === 1 || value === 1n || value === '1' || value === 'true' || value === true) return true;
  if (value === 0 || value === 0n || value === '0' || value === 'false' || value === false) return false;
  throw new Error(`not a boolean: ${JSON.stringify(typeof value === 'bigint' ? value.toString() : value)}`);
}

function converter(type: string, count: { nul: number }): (value: unknown) => unknown {
  if (type.startsWith('timestamp')) return toTimestamp;
  if (type === 'boolean') return toBoolean;
  if (type === 'jsonb' || type === 'json')
    return (value) => (value === null || value === undefined ? null : typeof value === 'string' ? value : JSON.stringify(value));
  if (
    type === 'integer' ||
    type === 'bigint' ||
    type === 'smallint' ||
    type === 'double precision' ||
    type === 'numeric' ||
    type === 'real'
  )
    return (value) => (typeof value === 'bigint' ? value.toString() : value);
  if (type === 'bytea') return (value) => value;
  return (value) => {
    if (typeof value !== 'string' || !value.includes('\u0000')) return value;
    count.nul += 1;
    return value.replaceAll('\u0000', '\uFFFD');
  };
}

async function columnsOf(client: pg.ClientBase): Promise<Map<string, Column[]>> {
  const { rows } = await client.query<{ table_name: string; column_name: string; data_type: string }>(
    `SELECT table_name, column_name, data_type FROM information_schema.columns
      WHERE table_schema = current_schema() ORDER BY table_name, ordinal_position`,
  );
  const tables = new Map<string, Column[]>();
  for (const row of rows) {
    const list = tables.get(row.table_name) ?? [];
    list.push({ name: row.column_name, type: row.data_type });
    tables.set(row.table_name, list);
  }
  return tables;
}

/** Tables of the target that hold rows a fresh `migrate deploy` would not have put there. */
export async function nonEmptyTables(client: pg.ClientBase): Promise<string[]> {
  const tables = await columnsOf(client);
  const filled: string[] = [];
  for (const table of tables.keys()) {
    if ((NOT_COPIED as readonly string[]).includes(table)) continue;
    const { rows } = await client.query(`SELECT 1 FROM ${q(table)} LIMIT 1`);
    if (rows.length > 0) filled.push(table);
  }
  return filled;
}

function finishedMigrations(names: { migration_name: string }[]): string[] {
  return names.map((row) => row.migration_name).sort();
}

export interface CopyOptions {
  /** The SQLite database (`file:…`). Read only; the app may keep running but should be stopped for the final copy. */
  from: string;
  /** An empty PostgreSQL database (`postgresql://…`). */
  to: string;
  log?: (line: string) => void;
  /** Runs `prisma migrate deploy` on the target first (default true). */
  migrate?: boolean;
}

export async function copySqliteToPostgres({ from, to, log = () => undefined, migrate = true }: CopyOptions): Promise<CopyReport> {
  if (isPostgresUrl(from)) throw new Error('The source must be a SQLite database (file:…).');
  if (!isPostgresUrl(to)) throw new Error('The target must be a PostgreSQL URL (postgresql://…).');
  const started = Date.now();
  const source = new Database(path.resolve(sqliteFilePath(from)), { readonly: true, fileMustExist: true });
  source.defaultSafeIntegers(false);
  const connect = async () => {
    const client = new pg.Client({ connectionString: to, options: '-c TimeZone=UTC' });
    await client.connect();
    return client;
  };
  try {
    const check = await connect();
    try {
      const filled = await nonEmptyTables(check);
      if (filled.length > 0)
        throw new Error(`The target database is not empty (rows in ${filled.slice(0, 5).join(', ')}${filled.length > 5 ? ', …' : ''}).`);
    } finally {
      await check.end();
    }
    if (migrate) {
      log('prisma migrate deploy on the target …');
      execFileSync('npx', ['prisma', 'migrate', 'deploy'], { cwd: ROOT, env: { ...process.env, DATABASE_URL: to }, stdio: 'pipe' });
    }
    const client = await connect();
    try {
      const sourceMigrations = finishedMigrations(
        source.prepare('SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL').all() as {
          migration_name: string;
        }[],
      );
      const targetMigrations = finishedMigrations(
        (
          await client.query<{ migration_name: string }>(
            'SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL',
          )
        ).rows,
      );
      const missing = sourceMigrations.filter((name) => !targetMigrations.includes(name));
      const newer = targetMigrations.filter((name) => !sourceMigrations.includes(name));
      if (missing.length > 0 || newer.length > 0)
        throw new Error(
          `The two databases are at different migrations (${[...missing.map((m) => `only SQLite: ${m}`), ...newer.map((m) => `only PostgreSQL: ${m}`)].join('; ')}). Start the app once on the SQLite database with this release (npm start applies its migrations), then copy.`,
        );

      const tables = await columnsOf(client);
      const sourceTables = new Set(
        (
          source.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`).all() as { name: string }[]
        ).map((row) => row.name),
      );
      const copied = [...tables.keys()].filter((table) => !(NOT_COPIED as readonly string[]).includes(table)).sort();
      for (const table of copied) if (!sourceTables.has(table)) throw new Error(`The SQLite database has no table "${table}".`);

      const count = { nul: 0 };
      const report: CopyReport['tables'] = [];
      await client.query('BEGIN');
      try {
        // Foreign keys are checked at commit, so tables (and rows of self-referring tables) go in any order.
        const { rows: foreignKeys } = await client.query<{ table: string; name: string }>(
          `SELECT conrelid::regclass::text AS "table", conname AS name FROM pg_constraint
            WHERE contype = 'f' AND NOT condeferrable AND connamespace = current_schema()::regnamespace`,
        );
        for (const key of foreignKeys)
          await client.query(`ALTER TABLE ${key.table} ALTER CONSTRAINT ${q(key.name)} DEFERRABLE INITIALLY DEFERRED`);
        for (const table of copied) {
          const columns = tables.get(table)!;
          const sourceColumns = new Set(
            (source.prepare(`SELECT name FROM pragma_table_info(?)`).all(table) as { name: string }[]).map((c) => c.name),
          );
          for (const column of columns)
            if (!sourceColumns.has(column.name)) throw new Error(`The SQLite table "${table}" has no column "${column.name}".`);
          const convert = columns.map((column) => converter(column.type, count));
          const perBatch = Math.max(1, Math.min(MAX_ROWS_PER_BATCH, Math.floor(MAX_PARAMETERS / columns.length)));
          const insertInto = `INSERT INTO ${q(table)} (${columns.map((column) => q(column.name)).join(',')}) VALUES `;
          let rows = 0;
          let batch: unknown[][] = [];
          const flush = async () => {
            if (batch.length === 0) return;
            const values: unknown[] = [];
            const tuples = batch.map((row) => {
              const start = values.length;
              for (const [i, value] of row.entries()) values.push(convert[i]!(value));
              return `(${row.map((_, i) => `$${start + i + 1}`).join(',')})`;
            });
            await client.query(insertInto + tuples.join(','), values);
            rows += batch.length;
            batch = [];
          };
          const select = source.prepare(`SELECT ${columns.map((column) => q(column.name)).join(',')} FROM ${q(table)}`).raw(true);
          for (const row of select.iterate() as Iterable<unknown[]>) {
            batch.push(row);
            if (batch.length >= perBatch) await flush();
          }
          await flush();
          report.push({ table, rows });
          if (rows > 0) log(`${table}: ${rows}`);
        }
        await client.query('SET CONSTRAINTS ALL IMMEDIATE');
        for (const key of foreignKeys) await client.query(`ALTER TABLE ${key.table} ALTER CONSTRAINT ${q(key.name)} NOT DEFERRABLE`);
        for (const { table, rows } of report) {
          const inSource = (source.prepare(`SELECT COUNT(*) AS n FROM ${q(table)}`).get() as { n: number }).n;
          const { rows: counted } = await client.query<{ n: string }>(`SELECT COUNT(*) AS n FROM ${q(table)}`);
          const inTarget = Number(counted[0]!.n);
          if (inSource !== inTarget || rows !== inSource)
            throw new Error(`Row counts differ for "${table}": SQLite ${inSource}, PostgreSQL ${inTarget}. Nothing was copied.`);
        }
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      }
      await client.query('ANALYZE');
      return {
        tables: report,
        rows: report.reduce((sum, table) => sum + table.rows, 0),
        seconds: (Date.now() - started) / 1000,
        nulReplaced: count.nul,
      };
    } finally {
      await client.end();
    }
  } finally {
    source.close();
  }
}
