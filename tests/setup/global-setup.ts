import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

/**
 * Migrates one base database per test run; each test file then works on its own copy
 * (tests/setup/database.ts). The folder is per run, so two runs never share files.
 */
export default function setup() {
  const dir = path.resolve(import.meta.dirname, '..', '.tmp', `run-${process.pid}`);
  fs.mkdirSync(dir, { recursive: true });
  execFileSync('npx', ['prisma', 'migrate', 'deploy'], {
    cwd: path.resolve(import.meta.dirname, '..', '..'),
    env: { ...process.env, DATABASE_URL: `file:${path.join(dir, 'base.db')}` },
    stdio: 'pipe',
  });
  // Test workers are forked after this and inherit the variable.
  process.env.BROBYGGER_TEST_DIR = dir;
  return () => fs.rmSync(dir, { recursive: true, force: true });
}
