import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

export const TMP_DIR = path.resolve(import.meta.dirname, '..', '.tmp');
export const BASE_DB = path.join(TMP_DIR, 'base.db');

/** Migrates one base database per run; each test file then works on its own copy. */
export default function setup() {
  fs.rmSync(TMP_DIR, { recursive: true, force: true });
  fs.mkdirSync(TMP_DIR, { recursive: true });
  execFileSync('npx', ['prisma', 'migrate', 'deploy'], {
    cwd: path.resolve(import.meta.dirname, '..', '..'),
    env: { ...process.env, DATABASE_URL: `file:${BASE_DB}` },
    stdio: 'pipe',
  });
  return () => fs.rmSync(TMP_DIR, { recursive: true, force: true });
}
