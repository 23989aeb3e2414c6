import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { currentTime } from '~/lib/clock';
import { quoteIdentifier, withDatabase } from '~/lib/postgresql-adapter';
import { copySqliteToPostgres, NOT_COPIED, toBoolean, toTimestamp } from '../../prisma/sqlite-to-postgres';
import { startCluster, type Cluster } from '../support/postgres-cluster';

// The SQLite → PostgreSQL copy (npm run migrate-to-postgres) on the demo data. It needs both
// databases on either run: the source is always a fresh copy of the run's migrated SQLite base
// (global-setup makes it on both runs); the target is a new, empty database on the run's
// PostgreSQL server (TEST_POSTGRES_URL) or, on a SQLite run, on a throw-away cluster started here.
// So the test runs, and counts, on both.
const dir = process.env.BROBYGGER_TEST_DIR!;
const suffix = `${process.pid}_${crypto.randomBytes(4).toString('hex')}`;
const sourceFile = path.join(dir, `migrate-source-${suffix}.db`);
const targetName = `brobygger_test_${process.pid}_m2pg_${suffix}`;
let cluster: Cluster | null = null;
let server: string;
let target: string;
const now = currentTime();
const root = path.resolve(import.meta.dirname, '..', '..');

/** Seeds or reads figures in a process of its own on `url` (tests/support/demo-figures.ts). */
function onDatabase(url: string, what: 'seed' | 'figures'): Record<string, unknown> {
  const output = execFileSync('node', ['--import', 'tsx', 'tests/support/demo-figures.ts', what, now.toISOString()], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: url },
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return JSON.parse(output.trim().split('\n').at(-1)!) as Record<string, unknown>;
}

async function admin(sql: string) {
  const client = new pg.Client({ connectionString: server });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

beforeAll(async () => {
  fs.copyFileSync(path.join(dir, 'base.db'), sourceFile);
  onDatabase(`file:${sourceFile}`, 'seed');
  if (process.env.TEST_POSTGRES_URL) server = process.env.TEST_POSTGRES_URL;
  else {
    cluster = await startCluster();
    server = cluster.url;
  }
  await admin(`CREATE DATABASE ${quoteIdentifier(targetName)}`);
  target = withDatabase(server, targetName);
}, 120_000);

afterAll(async () => {
  if (cluster) cluster.stop();
  else await admin(`DROP DATABASE IF EXISTS ${quoteIdentifier(targetName)} WITH (FORCE)`);
  for (const end of ['', '-wal', '-shm']) fs.rmSync(`${sourceFile}${end}`, { force: true });
});

function sqliteCounts(): Record<string, number> {
  const sqlite = new Database(sourceFile, { readonly: true });
  try {
    const tables = (
      sqlite.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`).all() as { name: string }[]
    )
      .map((row) => row.name)
      .filter((name) => !(NOT_COPIED as readonly string[]).includes(name));
    return Object.fromEntries(
      tables.map((name) => [name, (sqlite.prepare(`SELECT COUNT(*) AS n FROM "${name}"`).get() as { n: number }).n]),
    );
  } finally {
    sqlite.close();
  }
}

async function postgresCounts(tables: string[]): Promise<Record<string, number>> {
  const client = new pg.Client({ connectionString: target });
  await client.connect();
  try {
    const counts: Record<string, number> = {};
    for (const table of tables)
      counts[table] = Number((await client.query<{ n: string }>(`SELECT COUNT(*) AS n FROM "${table}"`)).rows[0]!.n);
    return counts;
  } finally {
    await client.end();
  }
}

describe('npm run migrate-to-postgres', () => {
  it('reads what SQLite holds as dates and booleans', () => {
    expect(toTimestamp(1764740169123)).toBe('2025-12-03T05:36:09.123');
    expect(toTimestamp('1764740169123')).toBe('2025-12-03T05:36:09.123');
    expect(toTimestamp('2025-12-03 05:36:09')).toBe('2025-12-03T05:36:09.000');
    expect(toTimestamp('2025-12-03T06:36:09.123+01:00')).toBe('2025-12-03T05:36:09.123');
    expect(toTimestamp(null)).toBeNull();
    expect(() => toTimestamp('next tuesday')).toThrow(/not a date-time/);
    expect([toBoolean(1), toBoolean(0), toBoolean(null)]).toEqual([true, false, null]);
    expect(() => toBoolean(2)).toThrow(/not a boolean/);
  });

  it('copies the demo data: migrate deploy first, every table with equal row counts, the dashboard figures equal', async () => {
    const report = await copySqliteToPostgres({ from: `file:${sourceFile}`, to: target });
    const counts = sqliteCounts();
    expect(Object.keys(counts).length).toBeGreaterThan(40);
    expect(counts.Meeting).toBeGreaterThan(0);
    expect(Object.fromEntries(report.tables.map((table) => [table.table, table.rows]))).toEqual(counts);
    expect(await postgresCounts(Object.keys(counts))).toEqual(counts);

    // The dashboard's figures (app/domain/monitoring, from app/domain/figures) are the same on
    // both, and a user and a logged meeting (booleans, date-times, JSON) read the same.
    const fromSqlite = onDatabase(`file:${sourceFile}`, 'figures');
    const fromPostgres = onDatabase(target, 'figures');
    expect((fromSqlite.dashboard as { pairCount: number }).pairCount).toBeGreaterThan(0);
    expect(fromSqlite.activeNow).toBeGreaterThan(0);
    expect(fromPostgres).toEqual(fromSqlite);
  }, 180_000);

  it('refuses a target that already holds data, and leaves it as it was', async () => {
    const before = await postgresCounts(['User', 'Meeting']);
    await expect(copySqliteToPostgres({ from: `file:${sourceFile}`, to: target })).rejects.toThrow(/not empty/);
    expect(await postgresCounts(['User', 'Meeting'])).toEqual(before);
  });
});
