import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll } from 'vitest';

// Runs before each test file's imports: point the app at a fresh copy of the migrated base
// database, so test files never see each other's rows.
const tmp = process.env.BROBYGGER_TEST_DIR!;
const file = path.join(tmp, `test-${process.pid}-${crypto.randomBytes(4).toString('hex')}.db`);
fs.copyFileSync(path.join(tmp, 'base.db'), file);
process.env.DATABASE_URL = `file:${file}`;
process.env.DEMO_MODE = 'true';
process.env.PUBLIC_URL = 'http://localhost:3000';

afterAll(async () => {
  const { db } = await import('~/lib/db.server');
  await db.$disconnect();
  for (const suffix of ['', '-wal', '-shm']) fs.rmSync(`${file}${suffix}`, { force: true });
});
