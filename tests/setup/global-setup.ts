import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { quoteIdentifier, withDatabase } from '../../app/lib/postgresql-adapter';

/**
 * Migrates one base database per test run; each test file then works on its own copy
 * (tests/setup/database.ts). The folder is per run, so two runs never share files.
 * With TEST_POSTGRES_URL (a PostgreSQL server, e.g. postgresql://postgres@127.0.0.1:5432/postgres)
 * the base is a PostgreSQL template database and each test file gets a database made from it.
 */
export default async function setup() {
  const root = path.resolve(import.meta.dirname, '..', '..');
  const dir = path.resolve(import.meta.dirname, '..', '.tmp', `run-${process.pid}`);
  fs.mkdirSync(dir, { recursive: true });
  const server = process.env.TEST_POSTGRES_URL;
  const migrate = (url: string) =>
    execFileSync('npx', ['prisma', 'migrate', 'deploy'], { cwd: root, env: { ...process.env, DATABASE_URL: url }, stdio: 'pipe' });
  // The SQLite base is made on a PostgreSQL run too: the tests of SQLite's own tools (the
  // backup) work on a copy of it there (tests/support/sqlite-file.ts).
  migrate(`file:${path.join(dir, 'base.db')}`);
  let template: string | undefined;
  if (server) {
    template = `brobygger_test_${process.pid}_base`;
    await adminQuery(server, `DROP DATABASE IF EXISTS ${quoteIdentifier(template)}`);
    await adminQuery(server, `CREATE DATABASE ${quoteIdentifier(template)}`);
    migrate(withDatabase(server, template));
    process.env.BROBYGGER_TEST_TEMPLATE = template;
  }
  // Test workers are forked after this and inherit the variables.
  process.env.BROBYGGER_TEST_DIR = dir;
  return async () => {
    fs.rmSync(dir, { recursive: true, force: true });
    if (server && template) {
      // Test files drop their own databases; this catches those a crashed worker left behind.
      const client = new pg.Client({ connectionString: server });
      await client.connect();
      const { rows } = await client.query<{ datname: string }>('SELECT datname FROM pg_database WHERE datname LIKE $1', [
        `brobygger_test_${process.pid}_%`,
      ]);
      for (const { datname } of rows) await client.query(`DROP DATABASE IF EXISTS ${quoteIdentifier(datname)} WITH (FORCE)`);
      await client.end();
    }
  };
}

async function adminQuery(server: string, sql: string) {
  const client = new pg.Client({ connectionString: server });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
