/**
 * The long fuzzing run: 10,000 inputs per form action (the test suite runs 1,000) against a
 * fresh migrated SQLite file.
 *
 *   npm run fuzz                      # every action, 10,000 runs each
 *   FUZZ_RUNS=500 npm run fuzz -- me  # chosen routes, fewer runs
 *
 * A failure prints the counterexample and the seed; FUZZ_SEED=<seed> replays it.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..', '..');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'brobygger-fuzz-'));
process.env.DATABASE_URL = `file:${path.join(dir, 'fuzz.db')}`;
process.env.DEMO_MODE = 'true';
process.env.PUBLIC_URL = 'http://localhost:3000';
execFileSync('npx', ['prisma', 'migrate', 'deploy'], { cwd: root, env: process.env, stdio: 'ignore' });

// Imported after the environment is set: the database client reads DATABASE_URL.
const { default: fc } = await import('fast-check');
const { db } = await import('~/lib/db.server');
const { fuzzProperties } = await import('./form-actions');

const numRuns = Number(process.env.FUZZ_RUNS ?? 10_000);
const seed = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : undefined;
const only = process.argv.slice(2);
let failed = 0;
try {
  for (const { routeId, property } of await fuzzProperties(db)) {
    if (only.length > 0 && !only.includes(routeId)) continue;
    const started = Date.now();
    const result = await fc.check(property, { numRuns, seed });
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    if (result.failed) {
      failed += 1;
      console.error(`✗ ${routeId} (${seconds} s)\n${fc.defaultReportMessage(result)}`);
    } else {
      console.log(`✓ ${routeId}: ${result.numRuns} runs (${seconds} s)`);
    }
  }
} finally {
  await db.$disconnect();
  fs.rmSync(dir, { recursive: true, force: true });
}
process.exit(failed === 0 ? 0 : 1);
