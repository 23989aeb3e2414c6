/**
 * Database queries per HTTP request, for the benchmark (`npm run bench`). Only with
 * BENCH_QUERY_COUNT=1: the adapter's queries are counted and timed, and each response carries
 * how many ran and how long the database kept it waiting (`X-Query-Count`, `X-Query-Ms`) between its request's
 * start and its headers. The counters are global rather than per async context (an
 * AsyncLocalStorage slows every promise down), so the figures are exact for a request that runs
 * alone, as the bench's probe of each page does. BENCH_SLOW_QUERY_MS logs slower queries to
 * stderr. Without the flag nothing is wrapped and no middleware is registered.
 */
import type { SqlDriverAdapter, SqlQuery, Transaction } from '@prisma/driver-adapter-utils';
import type { RequestHandler } from 'express';
import { env } from './env.server';

const { BENCH_QUERY_COUNT: enabled, BENCH_SLOW_QUERY_MS: slowMs } = env();
const totals = { queries: 0, ms: 0 };

// A query's time runs until its promise settles: the wrappers below this one (db.server.ts)
// wait a microtask before better-sqlite3 runs the statement, so timing the call alone would
// measure nothing. X-Query-Ms adds up the time during which at least one query was under way,
// so the queries a loader runs side by side (Promise.all) are not counted twice.
let underWay = 0;
let busySince = 0;

function counted<R>(run: (query: SqlQuery) => Promise<R>): (query: SqlQuery) => Promise<R> {
  return async (query) => {
    const started = performance.now();
    if (underWay++ === 0) busySince = started;
    try {
      return await run(query);
    } finally {
      const ended = performance.now();
      totals.queries += 1;
      if (--underWay === 0) totals.ms += ended - busySince;
      const ms = ended - started;
      if (slowMs !== undefined && ms >= slowMs) console.error(`[slow query ${ms.toFixed(1)} ms] ${query.sql.replace(/\s+/g, ' ').trim()}`);
    }
  };
}

/** The busy time so far, including a stretch still under way. */
function queryMsSoFar(): number {
  return totals.ms + (underWay > 0 ? performance.now() - busySince : 0);
}

function countCalls<T extends Pick<Transaction, 'queryRaw' | 'executeRaw'>>(queryable: T): T {
  queryable.queryRaw = counted(queryable.queryRaw.bind(queryable));
  queryable.executeRaw = counted(queryable.executeRaw.bind(queryable));
  return queryable;
}

/** The connected adapter, counting its queries (and its transactions' queries) when enabled. */
export function countAdapterQueries(adapter: SqlDriverAdapter): SqlDriverAdapter {
  if (!enabled) return adapter;
  const startTransaction = adapter.startTransaction.bind(adapter);
  adapter.startTransaction = async (isolationLevel) => countCalls(await startTransaction(isolationLevel));
  return countCalls(adapter);
}

/** Express middleware that reports the queries since the request began; null unless enabled. */
export const queryCountMiddleware: RequestHandler | null = enabled
  ? (_req, res, next) => {
      const start = { queries: totals.queries, ms: queryMsSoFar() };
      const writeHead = res.writeHead.bind(res);
      res.writeHead = function (this: typeof res, ...args: Parameters<typeof res.writeHead>) {
        if (!res.headersSent) {
          res.setHeader('X-Query-Count', String(totals.queries - start.queries));
          res.setHeader('X-Query-Ms', (queryMsSoFar() - start.ms).toFixed(1));
        }
        return writeHead(...args);
      } as typeof res.writeHead;
      next();
    }
  : null;
