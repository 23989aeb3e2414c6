/**
 * Runs a command against PostgreSQL: `node --import tsx tests/with-postgres.ts <command…>`.
 * With TEST_POSTGRES_URL (a server .ci/run started) the command gets it as it is; otherwise a
 * throw-away cluster is made here (tests/support/postgres-cluster.ts), the command runs with
 * TEST_POSTGRES_URL pointing at it, and the cluster is stopped and removed after.
 */
import { spawnSync } from 'node:child_process';
import { postgresBin, startCluster } from './support/postgres-cluster';

const command = process.argv.slice(2);
if (command.length === 0) throw new Error('usage: with-postgres.ts <command…>');

function run(env: NodeJS.ProcessEnv): number {
  const result = spawnSync(command[0]!, command.slice(1), { stdio: 'inherit', env });
  return result.status ?? 1;
}

if (process.env.TEST_POSTGRES_URL) process.exit(run(process.env));

if (!postgresBin()) {
  console.error(
    'PostgreSQL is not installed (no /usr/lib/postgresql/15/bin/initdb): apt-get install postgresql, or set TEST_POSTGRES_URL.',
  );
  process.exit(1);
}
const cluster = await startCluster();
let status = 1;
try {
  status = run({ ...process.env, TEST_POSTGRES_URL: cluster.url });
} finally {
  cluster.stop();
}
process.exit(status);
