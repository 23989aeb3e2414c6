import { spawn } from 'node:child_process';
import path from 'node:path';
import readline from 'node:readline';

const root = path.resolve(import.meta.dirname, '..', '..');

/**
 * Starts tests/support/sqlite-writer.ts in its own process on the test's database (or the one
 * `url` names); `ready` resolves once it is connected and waiting for "go" on its stdin, `next`
 * with its next line.
 */
export function startWriter(tag: string, writes: number, url = process.env.DATABASE_URL!) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'tests/support/sqlite-writer.ts', url, String(writes), tag], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: url },
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const lines = readline.createInterface({ input: child.stdout });
  const next = () =>
    new Promise<string>((resolve, reject) => {
      lines.once('line', resolve);
      child.once('exit', (code) => reject(new Error(`writer exited with ${code}`)));
    });
  return { child, ready: next(), next };
}
