/**
 * A throw-away PostgreSQL cluster: initdb (as the `postgres` user when run as root), loopback
 * only, a free port, fsync off, TimeZone UTC. Used by tests/with-postgres.ts for a whole run and
 * by a SQLite run's test that needs a PostgreSQL target (tests/integration/migrate-to-postgres.test.ts).
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort } from '../../bench/free-port';

export interface Cluster {
  /** `postgresql://postgres@127.0.0.1:<port>/postgres` */
  url: string;
  stop(): void;
}

export function postgresBin(): string | null {
  const bin = process.env.PG_BIN ?? '/usr/lib/postgresql/15/bin';
  return fs.existsSync(path.join(bin, 'initdb')) ? bin : null;
}

export async function startCluster(): Promise<Cluster> {
  const bin = postgresBin();
  if (!bin) throw new Error('PostgreSQL is not installed (no …/15/bin/initdb): apt-get install postgresql, or set TEST_POSTGRES_URL.');
  const root = os.userInfo().uid === 0;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'brobygger-pg-'));
  if (root) execFileSync('chown', ['postgres', dir]);
  const asOwner = (args: string[]) =>
    root
      ? execFileSync('su', ['postgres', '-c', args.map((arg) => `'${arg}'`).join(' ')], { stdio: 'pipe' })
      : execFileSync(args[0]!, args.slice(1), { stdio: 'pipe' });
  const data = path.join(dir, 'data');
  const port = await freePort();
  asOwner([path.join(bin, 'initdb'), '-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C.UTF-8']);
  const options = `-c listen_addresses=127.0.0.1 -p ${port} -k ${dir} -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c TimeZone=UTC -c max_connections=300`;
  asOwner([path.join(bin, 'pg_ctl'), '-D', data, '-o', options, '-l', path.join(dir, 'log'), '-w', 'start']);
  return {
    url: `postgresql://postgres@127.0.0.1:${port}/postgres`,
    stop() {
      asOwner([path.join(bin, 'pg_ctl'), '-D', data, '-m', 'fast', 'stop']);
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
