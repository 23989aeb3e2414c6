/**
 * Runs a command against PostgreSQL: `node --import tsx tests/with-postgres.ts <command…>`.
 * With TEST_POSTGRES_URL (a server .ci/run started) the command gets it as it is; otherwise a
 * throw-away cluster is made here (initdb as the `postgres` user when run as root, loopback
 * only, a free port, fsync off, TimeZone UTC), the command runs with TEST_POSTGRES_URL pointing
 * at it, and the cluster is stopped and removed after.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort } from '../bench/free-port';

const command = process.argv.slice(2);
if (command.length === 0) throw new Error('usage: with-postgres.ts <command…>');

function run(env: NodeJS.ProcessEnv): number {
  const result = spawnSync(command[0]!, command.slice(1), { stdio: 'inherit', env });
  return result.status ?? 1;
}

if (process.env.TEST_POSTGRES_URL) process.exit(run(process.env));

const bin = process.env.PG_BIN ?? '/usr/lib/postgresql/15/bin';
if (!fs.existsSync(path.join(bin, 'initdb'))) {
  console.error(`PostgreSQL is not installed (no ${bin}/initdb): apt-get install postgresql, or set TEST_POSTGRES_URL.`);
  process.exit(1);
}
const root = os.userInfo().uid === 0;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'brobygger-pg-'));
if (root) execFileSync('chown', ['postgres', dir]);
const asOwner = (args: string[]) =>
  root ? execFileSync('su', ['postgres', '-c', args.map((arg) => `'${arg}'`).join(' ')]) : execFileSync(args[0]!, args.slice(1));
const data = path.join(dir, 'data');
const port = await freePort();
asOwner([path.join(bin, 'initdb'), '-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C.UTF-8']);
const options = `-c listen_addresses=127.0.0.1 -p ${port} -k ${dir} -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c TimeZone=UTC -c max_connections=300`;
asOwner([path.join(bin, 'pg_ctl'), '-D', data, '-o', options, '-l', path.join(dir, 'log'), '-w', 'start']);
let status = 1;
try {
  status = run({ ...process.env, TEST_POSTGRES_URL: `postgresql://postgres@127.0.0.1:${port}/postgres` });
} finally {
  asOwner([path.join(bin, 'pg_ctl'), '-D', data, '-m', 'fast', 'stop']);
  fs.rmSync(dir, { recursive: true, force: true });
}
process.exit(status);
