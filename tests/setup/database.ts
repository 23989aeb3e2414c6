import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { afterAll } from 'vitest';
import { quoteIdentifier, withDatabase } from '../../app/lib/postgresql-adapter';

// Runs before each test file's imports: point the app at a fresh copy of the migrated base
// database, so test files never see each other's rows. SQLite: a copy of the base file;
// PostgreSQL (TEST_POSTGRES_URL): a database made from the run's template database.
const tmp = process.env.BROBYGGER_TEST_DIR!;
const server = process.env.TEST_POSTGRES_URL;
const template = process.env.BROBYGGER_TEST_TEMPLATE;
const suffix = `${process.pid}-${crypto.randomBytes(4).toString('hex')}`;
const file = path.join(tmp, `test-${suffix}.db`);
const database = `${template ?? ''}`.replace(/_base$/, `_${suffix.replace('-', '_')}`);

async function admin(sql: string) {
  const client = new pg.Client({ connectionString: server });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

if (server && template) {
  await admin(`CREATE DATABASE ${quoteIdentifier(database)} TEMPLATE ${quoteIdentifier(template)}`);
  process.env.DATABASE_URL = withDatabase(server, database);
} else {
  fs.copyFileSync(path.join(tmp, 'base.db'), file);
  process.env.DATABASE_URL = `file:${file}`;
}
process.env.DEMO_MODE = 'true';
process.env.PUBLIC_URL = 'http://localhost:3000';

afterAll(async () => {
  const { db } = await import('~/lib/db.server');
  await db.$disconnect();
  if (server && template) await admin(`DROP DATABASE IF EXISTS ${quoteIdentifier(database)} WITH (FORCE)`);
  else for (const end of ['', '-wal', '-shm']) fs.rmSync(`${file}${end}`, { force: true });
});
