/**
 * `npm run bench`: builds the app, writes a national-scale dataset into a temporary SQLite
 * file, starts the production server on it, and measures the main pages with autocannon
 * (10 connections, one page after the other, /healthz as the baseline), then 50 concurrent
 * meeting logs. Prints a table and writes bench/results.json. See docs/performance.md.
 *
 * `--db postgres` does the same on PostgreSQL: the dataset is written into SQLite as always and
 * copied into a fresh PostgreSQL database by the migration tool (prisma/sqlite-to-postgres.ts,
 * batched multi-row inserts in one transaction, then ANALYZE). `--db both` runs SQLite, then
 * PostgreSQL, in one run and prints them side by side. The PostgreSQL server is BENCH_POSTGRES_URL
 * or TEST_POSTGRES_URL, else a throw-away cluster started for the run (tests/support/postgres-cluster.ts).
 *
 *   BENCH_SECONDS=10 BENCH_WRITE_SECONDS=60 BENCH_SKIP_BUILD=1 BENCH_NODE_ARGS=… BENCH_PAGES=… npm run bench [-- --db sqlite|postgres|both]
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { hashPassword } from '../app/lib/password.server';
import pg from 'pg';
import { quoteIdentifier, withDatabase } from '../app/lib/postgresql-adapter';
import { copySqliteToPostgres } from '../prisma/sqlite-to-postgres';
import { startCluster, type Cluster } from '../tests/support/postgres-cluster';
import { addUnloggedMeetings, COORDINATOR_EMAIL, generateDataset, PASSWORD, volunteerEmail } from './dataset';
import { benchColdViews } from './cold-views';
import { benchMatching } from './matching';
import { freePort } from './free-port';

const root = path.resolve(import.meta.dirname, '..');
const PAGE_SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const WRITE_SECONDS = Number(process.env.BENCH_WRITE_SECONDS ?? 60);
const WRITE_CONNECTIONS = 50;
const TARGETS = { p95Ms: 100, shareOfBaseline: 0.25, peakRssMb: 300, writeErrors: 0 };
/** The server runs as `npm start` runs it (package.json): with its heap capped. */
const SERVER_NODE_ARGS = ['--max-old-space-size=128'];

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

function memoryOf(pid: number): { rssMb: number; peakRssMb: number } {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? NaN);
  return { rssMb: kb('VmRSS') / 1024, peakRssMb: kb('VmHWM') / 1024 };
}

async function waitForServer(base: string, app: ChildProcess) {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (app.exitCode !== null) throw new Error(`the server exited with ${app.exitCode}`);
    try {
      if ((await fetch(`${base}/healthz`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error('the server did not answer /healthz within 60 s');
}

async function login(base: string, email: string): Promise<string> {
  const response = await fetch(`${base}/login`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ email, password: PASSWORD }),
  });
  const session = response.headers.getSetCookie().find((cookie) => cookie.startsWith('bb_session='));
  if (response.status !== 302 || !session) throw new Error(`login as ${email} answered ${response.status}`);
  return session.split(';')[0]!; // split always returns at least one part
}

interface PageResult {
  page: string;
  path: string;
  requestsPerSecond: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  shareOfBaseline: number;
  queriesPerRequest: number | null;
  /** Time inside SQLite for one request, measured alone before the load (X-Query-Ms). */
  sqlMsPerRequest: number | null;
  responseBytes: number;
  non2xx: number;
  errors: number;
}

async function measure(base: string, page: string, pathname: string, cookie?: string): Promise<Omit<PageResult, 'shareOfBaseline'>> {
  const headers: Record<string, string> = cookie ? { cookie } : {};
  const probe = await fetch(`${base}${pathname}`, { headers, redirect: 'manual' });
  const body = await probe.arrayBuffer();
  if (probe.status !== 200) throw new Error(`${pathname} answered ${probe.status}`);
  const queries = probe.headers.get('x-query-count');
  const sqlMs = probe.headers.get('x-query-ms');
  const latencies: number[] = [];
  const instance = autocannon({ url: `${base}${pathname}`, connections: 10, duration: PAGE_SECONDS, headers });
  instance.on('response', (_client: unknown, _status: number, _bytes: number, responseTime: number) => latencies.push(responseTime));
  const result = await instance;
  latencies.sort((a, b) => a - b);
  return {
    page,
    path: pathname,
    requestsPerSecond: result.requests.total / PAGE_SECONDS,
    p50Ms: percentile(latencies, 50),
    p95Ms: percentile(latencies, 95),
    p99Ms: percentile(latencies, 99),
    queriesPerRequest: queries === null ? null : Number(queries),
    sqlMsPerRequest: sqlMs === null ? null : Number(sqlMs),
    responseBytes: body.byteLength,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
  };
}

/** 50 volunteers log past meetings of their own pair as fast as they can for WRITE_SECONDS. */
async function writeTest(base: string, databaseUrl: string, pairs: { pairId: string; email: string }[]) {
  const meetings = await addUnloggedMeetings(
    databaseUrl,
    pairs.map((p) => p.pairId),
    1500,
  );
  const cookies: string[] = [];
  for (const pair of pairs) cookies.push(await login(base, pair.email));
  const latencies: number[] = [];
  const statuses: Record<string, number> = {};
  let ok = 0;
  let exhausted = 0;
  const deadline = Date.now() + WRITE_SECONDS * 1000;
  await Promise.all(
    pairs.map(async (pair, index) => {
      const queue = meetings.get(pair.pairId)!;
      const cookie = cookies[index];
      if (!cookie) throw new Error(`no session for writer ${index}`);
      while (Date.now() < deadline) {
        const meetingId = queue.shift();
        if (!meetingId) {
          exhausted += 1;
          return;
        }
        const body = new URLSearchParams({
          intent: 'log',
          outcome: 'HELD',
          durationMinutes: '75',
          activity: 'Kaffe og gåtur',
          rating: '4',
          note: 'Fin prat.',
        });
        body.append('areas', 'NETWORK');
        body.append('goods', 'JOY');
        const started = performance.now();
        try {
          const response = await fetch(`${base}/meetings/${meetingId}`, {
            method: 'POST',
            redirect: 'manual',
            headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
            body,
          });
          await response.arrayBuffer();
          latencies.push(performance.now() - started);
          const success = response.status === 302 && response.headers.get('location') === '/me';
          if (success) ok += 1;
          else statuses[response.status] = (statuses[response.status] ?? 0) + 1;
        } catch (error) {
          statuses[String((error as Error).message)] = (statuses[String((error as Error).message)] ?? 0) + 1;
        }
      }
    }),
  );
  latencies.sort((a, b) => a - b);
  const errors = Object.values(statuses).reduce((sum, n) => sum + n, 0);
  return {
    connections: WRITE_CONNECTIONS,
    seconds: WRITE_SECONDS,
    logged: ok,
    logsPerSecond: ok / WRITE_SECONDS,
    errors,
    unexpected: statuses,
    volunteersOutOfMeetings: exhausted,
    p50Ms: percentile(latencies, 50),
    p95Ms: percentile(latencies, 95),
    p99Ms: percentile(latencies, 99),
  };
}

const fmt = (n: number | null, digits = 1) => (n === null || Number.isNaN(n) ? '–' : n.toFixed(digits));

type DatabaseKind = 'sqlite' | 'postgresql';
const DATABASE_LABEL: Record<DatabaseKind, string> = { sqlite: 'SQLite', postgresql: 'PostgreSQL' };

function chosenDatabases(): DatabaseKind[] {
  const index = process.argv.indexOf('--db');
  const value = index >= 0 ? process.argv[index + 1] : 'sqlite';
  if (value === 'sqlite') return ['sqlite'];
  if (value === 'postgres' || value === 'postgresql') return ['postgresql'];
  if (value === 'both') return ['sqlite', 'postgresql'];
  throw new Error(`--db ${value}: choose sqlite, postgres or both`);
}

const pagePasses = (r: PageResult) =>
  r.page === 'baseline' || (r.p95Ms < TARGETS.p95Ms && r.shareOfBaseline >= TARGETS.shareOfBaseline && r.non2xx === 0 && r.errors === 0);
const loadNow = () => os.loadavg().map((n) => Number(n.toFixed(2)));

/** The whole measurement on one database: dataset, kept views cold, the pages, the write test. */
async function benchOn(kind: DatabaseKind, postgresServer: () => Promise<string>) {
  const loadBefore = loadNow();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'brobygger-bench-'));
  const file = path.join(dir, 'bench.db');
  let databaseUrl = `file:${file}`;
  let app: ChildProcess | null = null;
  let dropDatabase: (() => Promise<void>) | null = null;
  try {
    execFileSync('npx', ['prisma', 'migrate', 'deploy'], {
      cwd: root,
      env: { ...process.env, DATABASE_URL: databaseUrl },
      stdio: 'ignore',
    });
    const started = Date.now();
    const dataset = generateDataset(file, await hashPassword(PASSWORD));
    let generateSeconds = (Date.now() - started) / 1000;
    console.log(`Dataset in ${generateSeconds.toFixed(1)} s:`, dataset.counts);
    let copySeconds: number | null = null;
    if (kind === 'postgresql') {
      const server = await postgresServer();
      const name = `brobygger_bench_${process.pid}`;
      const admin = async (sql: string) => {
        const client = new pg.Client({ connectionString: server });
        await client.connect();
        await client.query(sql).finally(() => client.end());
      };
      await admin(`DROP DATABASE IF EXISTS ${quoteIdentifier(name)} WITH (FORCE)`);
      await admin(`CREATE DATABASE ${quoteIdentifier(name)}`);
      dropDatabase = () => admin(`DROP DATABASE IF EXISTS ${quoteIdentifier(name)} WITH (FORCE)`);
      databaseUrl = withDatabase(server, name);
      console.log('Copying the dataset into PostgreSQL (npm run migrate-to-postgres) …');
      const copy = await copySqliteToPostgres({ from: `file:${file}`, to: databaseUrl });
      copySeconds = copy.seconds;
      generateSeconds += copy.seconds;
      console.log(`Copied ${copy.rows} rows in ${copy.seconds.toFixed(1)} s.`);
    }
    console.log('Kept views computed cold …');
    const coldViews = await benchColdViews(databaseUrl);

    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    const { SMTP_URL: _smtp, ...inherited } = process.env; // emails stay in the outbox
    // BENCH_NODE_ARGS, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof", profiles the server.
    const nodeArgs = process.env.BENCH_NODE_ARGS?.split(' ').filter(Boolean) ?? [];
    app = spawn('node', [...SERVER_NODE_ARGS, ...nodeArgs, 'build/index.js'], {
      cwd: root,
      stdio: ['ignore', 'inherit', 'inherit'],
      env: {
        ...inherited,
        NODE_ENV: 'production',
        DATABASE_URL: databaseUrl,
        PORT: String(port),
        PUBLIC_URL: base,
        DEMO_MODE: 'true',
        JOBS: 'off',
        BENCH_QUERY_COUNT: '1',
      },
    });
    await waitForServer(base, app);
    const coordinator = await login(base, COORDINATOR_EMAIL);
    const volunteer = await login(base, volunteerEmail(0));

    const pages: [string, string, string | undefined][] = [
      ['baseline', '/healthz', undefined],
      ['dashboard', '/dashboard', coordinator],
      ['pairs', '/pairs', coordinator],
      // #22: the filtered lists and the one search, at national scale.
      ['pairs red', '/pairs?status=ACTIVE&health=RED&sort=lastMeeting', coordinator],
      ['pairs filtered', '/pairs?status=ACTIVE&municipality=Trondheim&volunteer=berg&release=past90&sort=release', coordinator],
      ['pairs ended', '/pairs?status=ENDED&sort=ended&page=3', coordinator],
      ['referrals', '/referrals', coordinator],
      ['refs filtered', '/referrals?status=REFERRED&municipality=Trondheim&release=next90&age=quarter&sort=waiting', coordinator],
      ['refs by name', '/referrals?q=berg&sort=release&page=2', coordinator],
      ['match filtered', '/matching?municipality=Trondheim&release=next90&language=arabisk&sort=waiting', coordinator],
      ['search', '/search?q=berg', coordinator],
      ['search place', '/search?q=trondh', coordinator],
      // The header asks as a fetcher does, for the loader's JSON (components/search.tsx).
      ['search preview', '/search?q=s%C3%A6th&preview=1&_data=routes%2Fsearch', coordinator],
      ['pair', `/pairs/${dataset.busiestPairId}`, coordinator],
      ['reports', '/reports', coordinator],
      ['matching', '/matching', coordinator],
      ['suggestions', `/matching/${dataset.waitingParticipantId}`, coordinator],
      ['me', '/me', volunteer],
    ];
    // BENCH_PAGES="search,pairs filtered" measures only those pages (and the baseline).
    const only = process.env.BENCH_PAGES?.split(',').map((name) => name.trim());
    const chosen = only ? pages.filter(([page]) => page === 'baseline' || only.includes(page)) : pages;
    const measured: Omit<PageResult, 'shareOfBaseline'>[] = [];
    for (const [page, pathname, cookie] of chosen) {
      console.log(`[${DATABASE_LABEL[kind]}] measuring ${pathname} for ${PAGE_SECONDS} s …`);
      measured.push(await measure(base, page, pathname, cookie));
    }
    const baseline = measured[0]?.requestsPerSecond ?? NaN;
    const results: PageResult[] = measured.map((m) => ({ ...m, shareOfBaseline: m.requestsPerSecond / baseline }));

    console.log(`Write test: ${WRITE_CONNECTIONS} volunteers logging meetings for ${WRITE_SECONDS} s …`);
    const write = await writeTest(base, databaseUrl, dataset.writePairs);
    const memory = memoryOf(app.pid!);
    return {
      database: kind,
      loadAverageBefore: loadBefore,
      loadAverageAfter: loadNow(),
      dataset: { rows: dataset.counts, generateSeconds, copySeconds },
      pages: results,
      write,
      memory,
      coldViews,
    };
  } finally {
    if (app && app.exitCode === null) {
      const exited = new Promise((resolve) => app!.once('exit', resolve));
      app.kill('SIGTERM');
      await exited;
    }
    await dropDatabase?.();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

type BenchRun = Awaited<ReturnType<typeof benchOn>>;

function printRun(run: BenchRun) {
  console.log('');
  console.log(`${DATABASE_LABEL[run.database]}:`);
  console.log('page          path                                   req/s   p50 ms   p95 ms   p99 ms   share  queries  sql ms   KiB  ok');
  for (const r of run.pages) {
    console.log(
      `${r.page.padEnd(13)} ${r.path.slice(0, 38).padEnd(38)} ${fmt(r.requestsPerSecond).padStart(7)} ${fmt(r.p50Ms).padStart(8)} ${fmt(r.p95Ms).padStart(8)} ${fmt(r.p99Ms).padStart(8)} ${`${fmt(r.shareOfBaseline * 100, 0)}%`.padStart(7)} ${fmt(r.queriesPerRequest, 0).padStart(8)} ${fmt(r.sqlMsPerRequest).padStart(7)} ${fmt(r.responseBytes / 1024, 0).padStart(5)}  ${pagePasses(r) ? 'yes' : 'NO'}`,
    );
  }
  const { write, memory, coldViews } = run;
  console.log('');
  console.log(
    `write test: ${write.logged} meeting logs in ${write.seconds} s (${fmt(write.logsPerSecond)}/s), p50 ${fmt(write.p50Ms)} ms, p95 ${fmt(write.p95Ms)} ms, p99 ${fmt(write.p99Ms)} ms, errors ${write.errors}${write.errors ? ` ${JSON.stringify(write.unexpected)}` : ''}`,
  );
  console.log(`server memory: peak RSS ${fmt(memory.peakRssMb)} MB (target < ${TARGETS.peakRssMb} MB), now ${fmt(memory.rssMb)} MB`);
  console.log(
    `kept views computed cold: dashboard figures ${fmt(coldViews.dashboardFiguresMs)} ms, matching overview ${fmt(coldViews.matchingOverviewMs)} ms, funder report ${fmt(coldViews.funderReportMs)} ms`,
  );
  if (run.dataset.copySeconds !== null) console.log(`dataset copied into PostgreSQL in ${fmt(run.dataset.copySeconds)} s`);
  console.log(`load average before ${run.loadAverageBefore.join(' ')}, after ${run.loadAverageAfter.join(' ')}`);
}

/** The two databases side by side (`--db both`). */
function printSideBySide([a, b]: [BenchRun, BenchRun]) {
  console.log('');
  console.log(
    `page           ${DATABASE_LABEL[a.database].padStart(9)} p95  ${DATABASE_LABEL[b.database].padStart(10)} p95   req/s ${DATABASE_LABEL[a.database]} / ${DATABASE_LABEL[b.database]}  ok`,
  );
  for (const [index, r] of a.pages.entries()) {
    const other = b.pages[index]!;
    console.log(
      `${r.page.padEnd(14)} ${`${fmt(r.p95Ms)} ms`.padStart(13)} ${`${fmt(other.p95Ms)} ms`.padStart(15)}   ${`${fmt(r.requestsPerSecond)} / ${fmt(other.requestsPerSecond)}`.padStart(17)}  ${pagePasses(r) && pagePasses(other) ? 'yes' : 'NO'}`,
    );
  }
  console.log(
    `write test        ${`${fmt(a.write.p95Ms)} ms`.padStart(10)} ${`${fmt(b.write.p95Ms)} ms`.padStart(15)}   ${`${fmt(a.write.logsPerSecond)} / ${fmt(b.write.logsPerSecond)} logs/s`.padStart(17)}  errors ${a.write.errors} / ${b.write.errors}`,
  );
}

async function main() {
  const databases = chosenDatabases();
  const machine = { cpus: os.cpus().length, node: process.version, loadAverageBefore: loadNow() };
  if (!process.env.BENCH_SKIP_BUILD) execFileSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit' });

  console.log('Matching timings …');
  const matching = benchMatching();

  let cluster: Cluster | null = null;
  const postgresServer = async () => {
    const given = process.env.BENCH_POSTGRES_URL ?? process.env.TEST_POSTGRES_URL;
    if (given) return given;
    cluster ??= await startCluster();
    return cluster.url;
  };
  const runs: BenchRun[] = [];
  try {
    for (const kind of databases) runs.push(await benchOn(kind, postgresServer));
  } finally {
    (cluster as Cluster | null)?.stop();
  }
  for (const run of runs) printRun(run);
  if (runs.length === 2) printSideBySide([runs[0]!, runs[1]!]);
  console.log(
    `matching: suggestions over 2,000 volunteers ${fmt(matching.suggestionsOver2000VolunteersMs, 2)} ms, assignment 300 × 300 ${fmt(matching.assignment300x300Ms)} ms`,
  );
  console.log(
    `load average at start ${machine.loadAverageBefore.join(' ')}, at the end ${loadNow().join(' ')} (${machine.cpus} CPUs; the machine is shared, so figures are noisy)`,
  );

  const output = {
    measuredAt: new Date().toISOString(),
    machine: { ...machine, loadAverageAfter: loadNow() },
    settings: { connections: 10, secondsPerPage: PAGE_SECONDS, writeConnections: WRITE_CONNECTIONS, writeSeconds: WRITE_SECONDS },
    targets: TARGETS,
    matching,
    runs,
  };
  fs.writeFileSync(path.join(root, 'bench', 'results.json'), `${JSON.stringify(output, null, 2)}\n`);
  console.log('Wrote bench/results.json');
}

await main();
