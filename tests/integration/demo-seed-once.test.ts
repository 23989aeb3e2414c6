import { spawn } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { db } from '~/lib/db.server';
import { resetDatabase } from '../support/reset';

const root = path.resolve(import.meta.dirname, '..', '..');

/** Starts one seeding process and resolves once it is connected; `go()` lets it seed. */
function instance() {
  const child = spawn('node', ['--import', 'tsx', 'tests/support/seed-once.ts'], {
    cwd: root,
    env: process.env,
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  let output = '';
  const ready = new Promise<void>((resolve) => {
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('ready\n')) resolve();
    });
  });
  const done = new Promise<{ seeded: boolean }>((resolve, reject) => {
    child.on('exit', (code) => {
      const last = output.trim().split('\n').at(-1) ?? '';
      if (code === 0) resolve(JSON.parse(last) as { seeded: boolean });
      else reject(new Error(`seed-once exited with ${code}: ${output}`));
    });
  });
  return { ready, done, go: () => child.stdin.end('go\n') };
}

describe('demo data at start-up', () => {
  it('is seeded once when two instances start at the same moment', async () => {
    await resetDatabase();
    const instances = [instance(), instance()];
    await Promise.all(instances.map((one) => one.ready));
    for (const one of instances) one.go();
    const results = await Promise.all(instances.map((one) => one.done));
    expect(results.map((result) => result.seeded).sort()).toEqual([false, true]);
    // One coordinator login, not two attempts' worth (the seed's logins are unique).
    expect(await db.user.count({ where: { role: 'COORDINATOR' } })).toBe(1);
  }, 120_000);
});
