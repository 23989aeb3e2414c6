/**
 * `npm run soak`: the deployment the README describes, under load. Two web processes
 * (`JOBS=off`) and one jobs process (`--jobs-only`) share ONE SQLite file holding the bench's
 * national-scale dataset (bench/dataset.ts). 50 volunteers, each with a real session, write as
 * fast as they can through HTTP, every request to the next web process in turn: meeting logs,
 * and "plan this month" posts of one new meeting (every fifth sent twice at once, as a double
 * tap does). Meanwhile the jobs process runs on a clock moved so that a meeting-reminders slot
 * falls at its first minute tick, and meetings are waiting to be reminded in both that slot and
 * the one before it (run at start), so the jobs write while the web processes write.
 *
 * At the end it compares every acknowledged write with the rows in the database and prints
 * errors (any answer that is not the expected redirect), lost writes (acknowledged, not in the
 * database), duplicated meetings, failed, retried or duplicated job slots, and whether a session
 * made on one web process works on the other. Target: 0, 0, 0, 0, yes.
 *
 * `--db postgres`: the same on ONE PostgreSQL database (#19): the dataset and the prepared
 * meetings are written into SQLite as always and copied into a fresh PostgreSQL database by the
 * migration tool (prisma/sqlite-to-postgres.ts); the three processes then run on PostgreSQL. The
 * server is SOAK_POSTGRES_URL or TEST_POSTGRES_URL, else a throw-away cluster started for the run
 * and stopped after it (tests/support/postgres-cluster.ts).
 *
 *   SOAK_SECONDS=60 (default; `npm run soak -- --short` runs 20 s) SOAK_SKIP_BUILD=1 npm run soak [-- --db postgres]
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { quoteIdentifier, withDatabase } from '../app/lib/postgresql-adapter';
import { copySqliteToPostgres } from '../prisma/sqlite-to-postgres';
import { startCluster, type Cluster } from '../tests/support/postgres-cluster';
import { allowedPlaceTypes } from '../app/domain/meetings/planning';
import { hashPassword } from '../app/lib/password.server';
import { addDays, osloInstant, todayInOslo } from '../app/lib/time';
import { generateDataset, PASSWORD } from './dataset';
import { freePort } from './free-port';

const root = path.resolve(import.meta.dirname, '..');
const SECONDS = process.argv.includes('--short') ? 20 : Number(process.env.SOAK_SECONDS ?? 60);
const WRITERS = 50;
const PAST_MEETINGS_PER_PAIR = 400;
const MINUTE = 60_000;
const QUARTER = 15 * MINUTE;
const SLOW_TRANSACTION_MS = 1000;
const dbIndex = process.argv.indexOf('--db');
const POSTGRES = dbIndex >= 0 && ['postgres', 'postgresql'].includes(process.argv[dbIndex + 1] ?? '');

/** Reads the soak's database after the run: `?` parameters, date-times as ISO text (UTC). */
interface Reader {
  rows<T>(sql: string, params?: unknown[]): Promise<T[]>;
  /** A date-time parameter as the database compares it. */
  time(date: Date): unknown;
  close(): Promise<void>;
}

function sqliteReader(file: string): Reader {
  const sqlite = new Database(file, { readonly: true });
  sqlite.pragma('busy_timeout = 5000');
  return {
    rows: <T>(sql: string, params: unknown[] = []) => Promise.resolve(sqlite.prepare(sql).all(...params) as T[]),
    time: sqlTime,
    close: () => Promise.resolve(void sqlite.close()),
  };
}

async function postgresReader(url: string): Promise<Reader> {
  const client = new pg.Client({ connectionString: url, options: '-c TimeZone=UTC' });
  client.setTypeParser(1114, (text: string) => `${text.replace(' ', 'T')}Z`); // timestamp(3), UTC
  client.setTypeParser(20, Number); // COUNT(*)
  await client.connect();
  return {
    rows: async <T>(sql: string, params: unknown[] = []) => {
      let n = 0;
      return (
        await client.query(
          sql.replace(/\?/g, () => `$${(n += 1)}`),
          params,
        )
      ).rows as T[];
    },
    time: (date: Date) => date.toISOString().replace('Z', ''),
    close: () => client.end(),
  };
}

async function waitForServer(base: string, app: ChildProcess) {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (app.exitCode !== null) throw new Error(`a web process exited with ${app.exitCode}`);
    try {
      if ((await fetch(`${base}/healthz`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${base} did not answer /healthz within 60 s`);
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

/**
 * One form POST on a connection of its own. With keep-alive, a request sent on a pooled socket
 * just as the server closes it for idleness (5 s) is reset; a browser sends it again, fetch
 * does not for a POST, and on a loaded machine the client's timers run late enough for that to
 * happen: an error of the client, not of the app.
 */
function postForm(url: string, body: URLSearchParams, cookie: string): Promise<{ status: number; location: string | null }> {
  return new Promise((resolve, reject) => {
    const request = http.request(
      url,
      { method: 'POST', agent: false, headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' } },
      (response) => {
        response.resume();
        response.on('end', () => resolve({ status: response.statusCode ?? 0, location: response.headers.location ?? null }));
        response.on('error', reject);
      },
    );
    request.on('error', reject);
    request.end(body.toString());
  });
}

const sqlTime = (date: Date) => date.toISOString().replace('Z', '+00:00');
const meetingId = () => `csoak${crypto.randomBytes(10).toString('hex')}`;

/**
 * Past unlogged meetings (less than a day old, so the log reminder leaves them alone) for the
 * writers to log, and planned meetings for the reminders: some due in the slot before the
 * jobs clock's first tick, some only in the slot at that tick.
 */
function prepareMeetings(file: string, pairIds: string[], now: Date, boundary: Date) {
  const sqlite = new Database(file);
  sqlite.pragma('busy_timeout = 5000');
  const insert = sqlite.prepare(
    `INSERT INTO "Meeting" ("id","pairId","startsAt","durationMinutes","placeType","status","sequence","createdAt","updatedAt") VALUES (?,?,?,60,'CAFE','PLANNED',0,?,?)`,
  );
  const toLog = new Map<string, string[]>();
  const releaseDates = new Map<string, string>();
  const reminded: { slot1: string[]; slot2: string[] } = { slot1: [], slot2: [] };
  sqlite.transaction(() => {
    pairIds.forEach((pairId, index) => {
      const ids: string[] = [];
      for (let k = 0; k < PAST_MEETINGS_PER_PAIR; k += 1) {
        const id = meetingId();
        insert.run(id, pairId, sqlTime(new Date(now.getTime() - MINUTE * (60 + k * 2) - index * 1000)), sqlTime(now), sqlTime(now));
        ids.push(id);
      }
      toLog.set(pairId, ids);
      // Due for a reminder at the slot before the boundary (within 24 h of it) …
      const early = meetingId();
      insert.run(early, pairId, sqlTime(new Date(boundary.getTime() + 6 * 3600_000 + index * 1000)), sqlTime(now), sqlTime(now));
      reminded.slot1.push(early);
      // … and only at the boundary's slot (more than 24 h after the slot before it, within 24 h of the boundary).
      const late = meetingId();
      insert.run(
        late,
        pairId,
        sqlTime(new Date(boundary.getTime() + 24 * 3600_000 - 5 * MINUTE + index * 1000)),
        sqlTime(now),
        sqlTime(now),
      );
      reminded.slot2.push(late);
      const row = sqlite
        .prepare(
          `SELECT "expectedReleaseDate" AS d, "prison", "volunteerId" FROM "Participant" JOIN "Pair" ON "Pair"."participantId" = "Participant"."id" WHERE "Pair"."id" = ?`,
        )
        .get(pairId) as { d: string; prison: string; volunteerId: string };
      releaseDates.set(pairId, row.d);
      // A prison visit needs the volunteer's visitor clearance for that prison (#clearance): the
      // writers whose participant is still inside on the planned date have one.
      sqlite
        .prepare(
          `INSERT INTO "VisitorClearance" ("id","volunteerId","prison","appliedOn","clearedOn","expiresOn","createdAt","updatedAt") VALUES (?,?,?,?,?,NULL,?,?)`,
        )
        .run(
          meetingId(),
          row.volunteerId,
          row.prison,
          addDays(todayInOslo(now), -60),
          addDays(todayInOslo(now), -30),
          sqlTime(now),
          sqlTime(now),
        );
    });
  })();
  sqlite.close();
  return { toLog, releaseDates, reminded };
}

type Tally = Record<string, number>;
const bump = (tally: Tally, key: string) => void (tally[key] = (tally[key] ?? 0) + 1);

async function main() {
  if (!process.env.SOAK_SKIP_BUILD) execFileSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit' });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'brobygger-soak-'));
  const file = path.join(dir, 'soak.db');
  let databaseUrl = `file:${file}`;
  const processes: ChildProcess[] = [];
  const stderr: string[] = [];
  let cluster: Cluster | null = null;
  let dropDatabase: (() => Promise<void>) | null = null;
  try {
    execFileSync('npx', ['prisma', 'migrate', 'deploy'], {
      cwd: root,
      env: { ...process.env, DATABASE_URL: databaseUrl },
      stdio: 'ignore',
    });
    console.log('Writing the bench dataset …');
    const dataset = generateDataset(file, await hashPassword(PASSWORD));
    const pairs = dataset.writePairs.slice(0, WRITERS);

    // The jobs process's clock: at the next real minute (its first tick) it is one second past a
    // quarter hour, so a meeting-reminders slot falls there; its start runs the slot before.
    // (Set when the jobs process starts: the copy into PostgreSQL and the web processes' start
    // take a minute or more, and the clock must reach the boundary at the first tick after it.)
    const realNow = Date.now();
    const boundary = new Date(Math.ceil((realNow + 2 * MINUTE) / QUARTER) * QUARTER);
    const prepared = prepareMeetings(
      file,
      pairs.map((p) => p.pairId),
      new Date(realNow),
      boundary,
    );
    if (POSTGRES) {
      const given = process.env.SOAK_POSTGRES_URL ?? process.env.TEST_POSTGRES_URL;
      if (!given) cluster = await startCluster();
      const server = given ?? cluster!.url;
      const name = `brobygger_soak_${process.pid}`;
      const admin = async (sql: string) => {
        const client = new pg.Client({ connectionString: server });
        await client.connect();
        await client.query(sql).finally(() => client.end());
      };
      await admin(`CREATE DATABASE ${quoteIdentifier(name)}`);
      dropDatabase = () => admin(`DROP DATABASE IF EXISTS ${quoteIdentifier(name)} WITH (FORCE)`);
      databaseUrl = withDatabase(server, name);
      console.log('Copying it into PostgreSQL (npm run migrate-to-postgres) …');
      const copy = await copySqliteToPostgres({ from: `file:${file}`, to: databaseUrl });
      console.log(`Copied ${copy.rows} rows in ${copy.seconds.toFixed(1)} s.`);
    }

    const { SMTP_URL: _smtp, ...inherited } = process.env; // emails stay in the outbox (demo mode)
    // Every write transaction that holds the lock for a second or more is named in the logs.
    const common: NodeJS.ProcessEnv = {
      ...inherited,
      NODE_ENV: 'production',
      DATABASE_URL: databaseUrl,
      DEMO_MODE: 'true',
      BENCH_SLOW_QUERY_MS: String(SLOW_TRANSACTION_MS),
    };
    const spawnApp = (args: string[], env: Record<string, string>) => {
      const child = spawn('node', ['--max-old-space-size=128', 'build/index.js', ...args], {
        cwd: root,
        stdio: ['ignore', 'ignore', 'pipe'],
        env: { ...common, ...env },
      });
      child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk.toString()));
      processes.push(child);
      return child;
    };
    const startWeb = async () => {
      const port = await freePort();
      const base = `http://127.0.0.1:${port}`;
      const web = spawnApp([], { PORT: String(port), PUBLIC_URL: base, JOBS: 'off' });
      await waitForServer(base, web);
      return base;
    };
    const bases = [await startWeb(), await startWeb()] as const;
    const jobsStarted = Date.now();
    const firstTick = Math.ceil((jobsStarted + 5000) / MINUTE) * MINUTE;
    const clockAt = new Date(boundary.getTime() + 1000 - (firstTick - jobsStarted));
    spawnApp(['--jobs-only'], { PUBLIC_URL: bases[0], CLOCK_AT: clockAt.toISOString() });

    const cookies: string[] = [];
    for (const [index, pair] of pairs.entries()) cookies.push(await login(bases[index % 2 === 0 ? 0 : 1], pair.email));
    // A session made on one web process is a session on the other (they share the database and SESSION_SECRET).
    const sessionAcross = async (from: 0 | 1) => {
      const response = await fetch(`${bases[from === 0 ? 1 : 0]}/me`, { headers: { cookie: cookies[from]! }, redirect: 'manual' });
      await response.arrayBuffer();
      return response.status === 200;
    };
    const sessionsAcross = (await sessionAcross(0)) && (await sessionAcross(1));

    console.log(`${WRITERS} writers over two web processes for ${SECONDS} s, the jobs process beside them …`);
    const errors: Tally = {};
    const acknowledgedLogs: string[] = [];
    const acknowledgedPlans: { pairId: string; startsAt: Date }[] = [];
    const latencies: number[] = [];
    let requests = 0;
    const deadline = Date.now() + SECONDS * 1000;
    const post = async (index: number, pathname: string, body: URLSearchParams) => {
      const base = bases[requests++ % 2 === 0 ? 0 : 1];
      const cookie = cookies[index];
      if (!cookie) throw new Error(`no session for writer ${index}`);
      const started = performance.now();
      const response = await postForm(`${base}${pathname}`, body, cookie);
      latencies.push(performance.now() - started);
      return response;
    };
    await Promise.all(
      pairs.map(async (pair, index) => {
        const queue = prepared.toLog.get(pair.pairId)!;
        const release = prepared.releaseDates.get(pair.pairId)!;
        for (let op = 0; Date.now() < deadline; op += 1) {
          try {
            if (op % 4 !== 3) {
              const id = queue.shift();
              if (!id) break;
              const body = new URLSearchParams({
                intent: 'log',
                outcome: 'HELD',
                durationMinutes: '75',
                activity: 'Kaffe og gåtur',
                rating: '4',
              });
              const response = await post(index, `/meetings/${id}`, body);
              if (response.status === 302 && response.location === '/me') acknowledgedLogs.push(id);
              else bump(errors, `log ${response.status}`);
            } else {
              // One new meeting, 10 to 40 days ahead at a minute of its own; every fifth sent twice at once.
              const date = addDays(todayInOslo(), 10 + (op % 30));
              const time = `${String(8 + (Math.floor(op / 60) % 12)).padStart(2, '0')}:${String(op % 60).padStart(2, '0')}`;
              const placeType = allowedPlaceTypes(release, date)[0];
              const body = () =>
                new URLSearchParams({
                  'meetings[0].include': 'on',
                  'meetings[0].date': date,
                  'meetings[0].time': time,
                  'meetings[0].durationMinutes': '60',
                  'meetings[0].placeType': placeType,
                });
              const responses = await Promise.all(
                (op % 5 === 0 ? [1, 2] : [1]).map(() => post(index, `/pairs/${pair.pairId}/plan`, body())),
              );
              for (const response of responses) if (response.status !== 302) bump(errors, `plan ${response.status}`);
              if (responses.some((response) => response.status === 302))
                acknowledgedPlans.push({ pairId: pair.pairId, startsAt: osloInstant(date, time) });
            }
          } catch (error) {
            bump(errors, `network ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
          }
        }
      }),
    );
    const writeSeconds = (Date.now() - (deadline - SECONDS * 1000)) / 1000;

    // The jobs: wait (at most two minutes) until the boundary's reminders slot has finished.
    const reader = POSTGRES ? await postgresReader(databaseUrl) : sqliteReader(file);
    const reminderSlot = reader.time(boundary);
    const until = Date.now() + 2 * MINUTE;
    const slotDone = async () =>
      (
        await reader.rows(`SELECT 1 FROM "JobRun" WHERE "jobName" = 'meeting-reminders' AND "scheduledFor" = ? AND "status" <> 'RUNNING'`, [
          reminderSlot,
        ])
      ).length > 0;
    while (!(await slotDone()) && Date.now() < until) await new Promise((resolve) => setTimeout(resolve, 500));

    // Compare what was acknowledged with what the database holds.
    const placeholders = (n: number) => Array.from({ length: n }, () => '?').join(',');
    const logged = new Set<string>();
    for (let i = 0; i < acknowledgedLogs.length; i += 500) {
      const chunk = acknowledgedLogs.slice(i, i + 500);
      for (const row of await reader.rows<{ meetingId: string }>(
        `SELECT "meetingId" FROM "MeetingLog" WHERE "meetingId" IN (${placeholders(chunk.length)})`,
        chunk,
      ))
        logged.add(row.meetingId);
    }
    const lostLogs = acknowledgedLogs.filter((id) => !logged.has(id)).length;
    let lostPlans = 0;
    let duplicatedPlans = 0;
    for (const plan of acknowledgedPlans) {
      const [{ n }] = (await reader.rows<{ n: number }>(
        `SELECT COUNT(*) AS n FROM "Meeting" WHERE "pairId" = ? AND "startsAt" = ? AND "status" = 'PLANNED'`,
        [plan.pairId, reader.time(plan.startsAt)],
      )) as [{ n: number }];
      if (n === 0) lostPlans += 1;
      if (n > 1) duplicatedPlans += 1;
    }
    const runs = await reader.rows<{ jobName: string; scheduledFor: string; status: string; attempts: number; error: string | null }>(
      `SELECT "jobName", "scheduledFor", "status", "attempts", "error" FROM "JobRun" WHERE "startedAt" >= ? ORDER BY "scheduledFor"`,
      [reader.time(new Date(clockAt.getTime() - QUARTER))],
    );
    // Two runs of one slot (the unique key on job name + scheduled time should make it impossible).
    const duplicatedSlots = runs.length - new Set(runs.map((run) => `${run.jobName} ${run.scheduledFor}`)).size;
    const remindedIn = async (ids: string[]) =>
      (
        (await reader.rows<{ n: number }>(
          `SELECT COUNT(*) AS n FROM "Meeting" WHERE "id" IN (${placeholders(ids.length)}) AND "remindedAt" IS NOT NULL`,
          ids,
        )) as [{ n: number }]
      )[0].n;
    const reminders = {
      slotBefore: await remindedIn(prepared.reminded.slot1),
      slotAtTick: await remindedIn(prepared.reminded.slot2),
      expectedEach: pairs.length,
    };
    await reader.close();

    latencies.sort((a, b) => a - b);
    const pct = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))] ?? NaN;
    const errorCount = Object.values(errors).reduce((sum, n) => sum + n, 0);
    const failedSlots = runs.filter((run) => run.status === 'FAILED');
    const retriedSlots = runs.filter((run) => run.attempts > 1);
    const logLines = stderr.join('').split('\n');
    // SQLite: a write that met the lock; PostgreSQL: a deadlock, a serialisation failure or the pool refused.
    const locked = logLines.filter((line) =>
      /database is locked|SQLITE_BUSY|deadlock detected|could not serialize|too many clients|timeout exceeded when trying to connect/.test(
        line,
      ),
    );
    const slow = logLines.filter((line) => line.startsWith('[slow transaction'));

    console.log('');
    console.log(
      `writes: ${requests} requests in ${writeSeconds.toFixed(0)} s (${(requests / writeSeconds).toFixed(1)}/s), p50 ${pct(50).toFixed(0)} ms, p95 ${pct(95).toFixed(0)} ms, p99 ${pct(99).toFixed(0)} ms`,
    );
    console.log(`  meeting logs acknowledged ${acknowledgedLogs.length}, plan posts acknowledged ${acknowledgedPlans.length}`);
    console.log(
      `job slots run: ${runs.length} (${[...new Set(runs.map((run) => run.jobName))].join(', ')}); meeting-reminders slots: ${runs
        .filter((run) => run.jobName === 'meeting-reminders')
        .map((run) => `${run.scheduledFor} ${run.status}`)
        .join(', ')}`,
    );
    console.log(
      `  reminders written: ${reminders.slotBefore}/${reminders.expectedEach} in the slot before the tick, ${reminders.slotAtTick}/${reminders.expectedEach} in the slot at the tick (jobs process started ${((Date.now() - jobsStarted) / 1000).toFixed(0)} s ago)`,
    );
    console.log('');
    console.log(
      `database: ${POSTGRES ? 'PostgreSQL (one database, two web processes and one jobs process)' : 'SQLite (one file, two web processes and one jobs process)'}`,
    );
    console.log(`errors: ${errorCount}${errorCount ? ` ${JSON.stringify(errors)}` : ''}`);
    console.log(`lost writes: ${lostLogs + lostPlans} (logs ${lostLogs}, plans ${lostPlans}); duplicated meetings: ${duplicatedPlans}`);
    console.log(
      `failed slots: ${failedSlots.length}${failedSlots.length ? ` ${JSON.stringify(failedSlots.map((s) => [s.jobName, s.scheduledFor, s.error?.split('\n')[0]]))}` : ''}; retried slots: ${retriedSlots.length}; duplicated slots: ${duplicatedSlots}`,
    );
    console.log(`a session made on one web process works on the other: ${sessionsAcross ? 'yes' : 'NO'}`);
    console.log(
      `${POSTGRES ? 'deadlocks, serialisation failures or pool timeouts' : '"database is locked"'} in the processes' logs: ${locked.length}${locked.length ? `\n  ${locked.slice(0, 5).join('\n  ')}` : ''}`,
    );
    console.log(
      `write transactions holding the lock ≥ ${SLOW_TRANSACTION_MS / 1000} s: ${slow.length}${slow.length ? `\n  ${slow.slice(0, 5).join('\n  ')}` : ''}`,
    );
    const pass =
      errorCount === 0 &&
      lostLogs + lostPlans === 0 &&
      duplicatedPlans === 0 &&
      failedSlots.length === 0 &&
      duplicatedSlots === 0 &&
      sessionsAcross &&
      locked.length === 0 &&
      runs.filter((run) => run.jobName === 'meeting-reminders' && run.status === 'DONE').length >= 2 &&
      reminders.slotBefore === pairs.length &&
      reminders.slotAtTick === pairs.length &&
      runs.length >= 3;
    const exited = processes.filter((child) => child.exitCode !== null || child.signalCode !== null);
    if (exited.length)
      console.log(
        `processes that stopped during the run: ${exited.map((child) => child.spawnargs.slice(2).join(' ') || 'web').join(', ')}`,
      );
    if (!pass)
      console.log(
        logLines
          .filter((line) => /error|Error|exited|could not start|failed/.test(line) && !/^\s+at /.test(line))
          .slice(0, 20)
          .join('\n'),
      );
    console.log(pass ? 'soak: PASS' : 'soak: FAIL');
    process.exitCode = pass ? 0 : 1;
  } catch (error) {
    console.error(
      stderr
        .join('')
        .split('\n')
        .filter((line) => /error|Error|locked|Transaction|job /.test(line) && !/^\s+at /.test(line))
        .slice(0, 20)
        .join('\n'),
    );
    throw error;
  } finally {
    for (const child of processes) {
      if (child.exitCode !== null) continue;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
    await dropDatabase?.();
    cluster?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

await main();
