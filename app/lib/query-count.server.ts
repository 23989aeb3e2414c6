/**
 * Database queries per HTTP request, for the benchmark (`npm run bench`). Only with
 * BENCH_QUERY_COUNT=1: the adapter's queries are counted and timed in the request's async
 * context and sent as the `X-Query-Count` and `X-Query-Ms` response headers;
 * BENCH_SLOW_QUERY_MS logs slower queries to stderr. Otherwise nothing is wrapped.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type { SqlDriverAdapter, SqlQuery, Transaction } from '@prisma/driver-adapter-utils';
import type { RequestHandler } from 'express';
import { env } from './env.server';

const { BENCH_QUERY_COUNT: enabled, BENCH_SLOW_QUERY_MS: slowMs } = env();
const requestCounter = new AsyncLocalStorage<{ queries: number; ms: number }>();

// better-sqlite3 runs a query synchronously inside the call, so the time until the call
// returns is the database's own time, not time spent waiting behind concurrent requests.
function counted<R>(run: (query: SqlQuery) => Promise<R>): (query: SqlQuery) => Promise<R> {
  return (query) => {
    const started = performance.now();
    const result = run(query);
    const ms = performance.now() - started;
    const counter = requestCounter.getStore();
    if (counter) {
      counter.queries += 1;
      counter.ms += ms;
    }
    if (slowMs !== undefined && ms >= slowMs) console.error(`[slow query ${ms.toFixed(1)} ms] ${query.sql.replace(/\s+/g, " ").trim()}`);
    return result;
  };
}

function countCalls<T extends Pick<Transaction, 'queryRaw' | 'executeRaw'>>(queryable: T): T {
  queryable.queryRaw = counted(queryable.queryRaw.bind(queryable));
  queryable.executeRaw = counted(queryable.executeRaw.bind(queryable));
  return queryable;
}

/** The connected adapter, counting its queries (and its transactions' queries) when enabled. */
export function countAdapterQueries(adapter: SqlDriverAdapter): SqlDriverAdapter {
  if (!enabled) return adapter;
  const { startTransaction } = adapter;
  adapter.startTransaction = async (isolationLevel) => countCalls(await startTransaction.call(adapter, isolationLevel));
  return countCalls(adapter);
}

/** Express middleware that opens a counter per request; null unless enabled. */
export const queryCountMiddleware: RequestHandler | null = enabled
  ? (_req, res, next) => {
      const counter = { queries: 0, ms: 0 };
      const writeHead = res.writeHead;
      res.writeHead = function (this: typeof res, ...args: Parameters<typeof res.writeHead>) {
        if (!res.headersSent) {
          res.setHeader('X-Query-Count', String(counter.queries));
          res.setHeader('X-Query-Ms', counter.ms.toFixed(1));
        }
        return writeHead.apply(this, args);
      } as typeof res.writeHead;
      requestCounter.run(counter, next);
    }
  : null;
