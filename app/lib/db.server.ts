import { PrismaBetterSQLite3 } from '@prisma/adapter-better-sqlite3';
import type { SqlDriverAdapter, SqlDriverAdapterFactory, SqlQuery, Transaction } from '@prisma/driver-adapter-utils';
import { PrismaClient } from '~/generated/prisma/client';
import { PrismaClient as PostgresPrismaClient } from '~/generated/prisma-postgresql/client';
import { ensureDatabaseDirectory } from './database-url';
import { isPostgresUrl, postgresAdapter } from './postgresql-adapter';
import { env } from './env.server';
import { refuseNulText } from './nul-guard.server';
import { countAdapterQueries } from './query-count.server';
import { isDatabaseBusy, isRetryableTransactionError, retryTransactions } from './transaction-retry.server';

export type Db = PrismaClient;
/** A client or an interactive transaction: what domain writes take, so callers can compose them. */
export type Tx = Omit<PrismaClient, '$connect' | '$disconnect' | '$on' | '$transaction' | '$extends'>;

/** One synchronous wait for SQLite's write lock; waits are repeated up to BUSY_BUDGET_MS. */
const BUSY_TIMEOUT_MS = 100;
/** How long a write waits in all for the lock before "database is locked" reaches the caller. */
const BUSY_BUDGET_MS = 15_000;
/** How long a statement outside a transaction waits for the connection's open transaction to end. */
const OUTSIDE_WAIT_MS = 2_000;

// Applied on every new connection: WAL lets readers work during a write, busy_timeout makes
// a second writer wait instead of failing, foreign keys are off in SQLite unless asked for.
// busy_timeout is short on purpose: better-sqlite3 waits for the lock synchronously, freezing
// the whole process (and, with a second client in the same process, the transaction it waits
// for), so a longer wait is made of short waits with pauses between them (writeLockFirst).
// synchronous = NORMAL is SQLite's advice for WAL: no fsync per commit (a page view's audit row
// cost 8 ms with it), never corruption; only the last commits may be lost if the power goes.
const PRAGMAS = `PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA busy_timeout = ${BUSY_TIMEOUT_MS}; PRAGMA foreign_keys = ON;`;

function sqliteAdapter(url: string): SqlDriverAdapterFactory {
  ensureDatabaseDirectory(url);
  const factory = new PrismaBetterSQLite3({ url, timeout: BUSY_TIMEOUT_MS });
  return {
    provider: factory.provider,
    adapterName: factory.adapterName,
    async connect() {
      const adapter = await factory.connect();
      await adapter.executeScript(PRAGMAS);
      return countAdapterQueries(refuseNulText(writeLockFirst(adapter)));
    },
  };
}

export { isDatabaseBusy, isRetryableTransactionError, withTransactionRetry } from './transaction-retry.server';

function pause(ms: number) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Runs `attempt` again while the database is busy, with growing pauses, for BUSY_BUDGET_MS. */
async function whileBusy<T>(attempt: () => Promise<T>, budgetMs = BUSY_BUDGET_MS): Promise<T> {
  const started = performance.now();
  for (let round = 1; ; round += 1) {
    try {
      return await attempt();
    } catch (error) {
      if (!isDatabaseBusy(error) || performance.now() - started > budgetMs) throw error;
    }
    await pause(Math.min(5 * round, 100) + Math.random() * 20);
  }
}

const sql = (text: string): SqlQuery => ({ sql: text, args: [], argTypes: [] });

/**
 * With BENCH_SLOW_QUERY_MS: every write transaction that held SQLite's write lock longer is
 * named on stderr with its length and first write, so a job that keeps the other processes
 * waiting is found (`npm run soak` prints them).
 */
function namingSlowTransactions(transaction: Transaction, slowMs: number): Transaction {
  const started = performance.now();
  let statements = 0;
  let firstWrite: string | undefined;
  for (const method of ['queryRaw', 'executeRaw'] as const) {
    const run = transaction[method].bind(transaction) as (query: SqlQuery) => Promise<never>;
    transaction[method] = (query: SqlQuery) => {
      statements += 1;
      if (!firstWrite && !/^\s*SELECT/i.test(query.sql)) firstWrite = query.sql.replace(/\s+/g, ' ').slice(0, 120);
      return run(query);
    };
  }
  for (const method of ['commit', 'rollback'] as const) {
    const end = transaction[method].bind(transaction);
    transaction[method] = () => {
      const ms = performance.now() - started;
      if (ms >= slowMs) console.error(`[slow transaction ${ms.toFixed(0)} ms, ${statements} statements] ${firstWrite ?? 'reads only'}`);
      return end();
    };
  }
  return transaction;
}

/**
 * Write transactions take SQLite's write lock first. The adapter opens an interactive
 * transaction with a deferred `BEGIN`: it reads under a snapshot and upgrades to a writer at
 * its first write, and when another process (a second web process, the jobs process) wrote in
 * between, that upgrade fails at once with "database is locked" — busy_timeout does not cover
 * it. So each transaction the adapter starts (under the adapter's own mutex, on its one
 * connection) is turned into `BEGIN IMMEDIATE` before anything runs in it. It then waits for
 * the lock: short synchronous waits (busy_timeout) with pauses between them that let the
 * process go on, for at most BUSY_BUDGET_MS. Nothing has run in the transaction yet, so trying
 * again is always safe; inside it no statement can meet a busy database. Statements outside a
 * transaction are single autocommit statements, retried the same way.
 *
 * Only for SQLite: PostgreSQL takes row locks as it goes and needs none of this (its own
 * adapter gets its own wrapper, with a retry on deadlocks and serialisation failures).
 */
function writeLockFirst(adapter: SqlDriverAdapter): SqlDriverAdapter {
  const startTransaction = adapter.startTransaction.bind(adapter);
  // The connection's open write transaction, if any (the adapter runs one at a time).
  let openTransaction: Promise<void> | null = null;
  const opened = (transaction: Transaction): Transaction => {
    let ended!: () => void;
    const open = new Promise<void>((resolve) => (ended = resolve));
    openTransaction = open;
    for (const method of ['commit', 'rollback'] as const) {
      const end = transaction[method].bind(transaction);
      transaction[method] = () =>
        end().finally(() => {
          if (openTransaction === open) openTransaction = null;
          ended();
        });
    }
    return transaction;
  };
  adapter.startTransaction = (isolationLevel) =>
    whileBusy(async () => {
      const transaction = await startTransaction(isolationLevel);
      // Both statements run synchronously in these calls (better-sqlite3 is synchronous), so
      // nothing else on the connection slips in between the empty COMMIT and the new BEGIN.
      const ended = transaction.executeRaw(sql('COMMIT'));
      const begun = transaction.executeRaw(sql('BEGIN IMMEDIATE'));
      try {
        await ended;
        await begun;
        const { BENCH_SLOW_QUERY_MS: slowMs } = env();
        return opened(slowMs === undefined ? transaction : namingSlowTransactions(transaction, slowMs));
      } catch (error) {
        await transaction.executeRaw(sql('ROLLBACK')).catch(() => undefined); // in case the COMMIT failed
        await transaction.rollback(); // releases the adapter's mutex
        throw error;
      }
    });
  for (const method of ['queryRaw', 'executeRaw'] as const) {
    const run = adapter[method].bind(adapter) as (query: SqlQuery) => Promise<never>;
    adapter[method] = async (query: SqlQuery) => {
      await afterOpenTransaction();
      return whileBusy(() => run(query));
    };
  }
  // A statement outside the transaction would run on the same connection inside it: a page's
  // big read (a dashboard aggregate, a job's scan) would then hold the write lock, and every
  // other process, for its whole length. So it waits until the transaction has ended — for at
  // most OUTSIDE_WAIT_MS, so that code reading through the client inside a transaction
  // callback is only slowed, never stuck.
  async function afterOpenTransaction() {
    const deadline = performance.now() + OUTSIDE_WAIT_MS;
    while (openTransaction && performance.now() < deadline) {
      await Promise.race([openTransaction, pause(deadline - performance.now())]);
    }
  }
  return adapter;
}

/**
 * Runs a whole write (usually one `db.$transaction`, or one statement outside a transaction)
 * again when the database was still busy after the adapter's own waiting (BUSY_BUDGET_MS) or
 * PostgreSQL reported a write conflict, a bounded number of times. Every interactive
 * transaction of the client already retries (retryTransactions); this is for callers that must
 * not surface a busy database at all, single statements included (the scheduler's claims).
 */
export async function withWriteRetry<T>(write: () => Promise<T>, attempts = 2): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await write();
    } catch (error) {
      if (!isRetryableTransactionError(error) || attempt >= attempts) throw error;
    }
    await pause(50 * attempt + Math.random() * 50);
  }
}

/** How long one batch of a long write may hold SQLite's write lock before it commits. */
const BATCH_MS = 100;
/** The pause between two batches: long enough for other processes' waits to find the lock free. */
const BATCH_PAUSE_MS = 30;

/**
 * Writes many items in short transactions: each takes items until it has run for BATCH_MS,
 * commits on its own, and pauses, so other processes (the web processes, when this is the jobs
 * process) get SQLite's write lock in between instead of waiting for the whole job. A rerun
 * after a failure part-way redoes what is left, so `write` must be idempotent per item.
 */
export async function writeInBatches<T>(db: Db, items: readonly T[], write: (tx: Tx, item: T) => Promise<unknown>): Promise<void> {
  let next = 0;
  while (next < items.length) {
    if (next > 0) await pause(BATCH_PAUSE_MS);
    await db.$transaction(async (tx) => {
      const started = performance.now();
      do await write(tx, items[next++] as T);
      while (next < items.length && performance.now() - started < BATCH_MS);
    });
  }
}

export function createPrismaClient(url: string): PrismaClient {
  if (isPostgresUrl(url)) {
    // PostgreSQL's generated client (prisma/postgresql/schema.prisma, the same data model): its
    // API is the SQLite client's, so the app is typed against one of them.
    // No NUL reaches it either (a read's NUL matches nothing, as on SQLite), and every
    // interactive transaction is run again when it lost a race (40001, 40P01).
    const factory = postgresAdapter(url);
    const connect = factory.connect.bind(factory);
    factory.connect = async () => countAdapterQueries(refuseNulText(await connect(), { readsWithNul: 'match-nothing' }));
    return retryTransactions(new PostgresPrismaClient({ adapter: factory }) as unknown as PrismaClient);
  }
  // maxWait covers the adapter's wait for the write lock (and for its mutex, one transaction at
  // a time per connection), so it must be longer than that wait.
  // Every interactive transaction is run again, boundedly, when it lost a race (a busy SQLite
  // file, a PostgreSQL serialization failure or deadlock): app/lib/transaction-retry.server.ts.
  return retryTransactions(new PrismaClient({ adapter: sqliteAdapter(url), transactionOptions: { maxWait: BUSY_BUDGET_MS + 5000 } }));
}

/**
 * Serialises transactions that name the same key, across processes, until this one ends: on
 * PostgreSQL a transaction-level advisory lock; on SQLite nothing is needed, every write
 * transaction holds the one write lock from its start (writeLockFirst).
 */
export async function lockTransaction(tx: Tx, key: string): Promise<void> {
  if (!isPostgresUrl(env().DATABASE_URL)) return;
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${key}))`;
}

/** The one Prisma client of this process. */
export const db: PrismaClient = createPrismaClient(env().DATABASE_URL);
