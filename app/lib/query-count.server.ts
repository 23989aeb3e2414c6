/**
 * Database queries per HTTP request, for the benchmark (`npm run bench`). Only with
 * BENCH_QUERY_COUNT=1: the adapter's queries are counted in the request's async context and
 * the count is sent as the `X-Query-Count` response header. Otherwise nothing is wrapped.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type { SqlDriverAdapter, Transaction } from '@prisma/driver-adapter-utils';
import type { RequestHandler } from 'express';
import { env } from './env.server';

const enabled = env().BENCH_QUERY_COUNT;
const requestCounter = new AsyncLocalStorage<{ queries: number }>();

function countCalls<T extends Pick<Transaction, 'queryRaw' | 'executeRaw'>>(queryable: T): T {
  const { queryRaw, executeRaw } = queryable;
  queryable.queryRaw = (query) => {
    const counter = requestCounter.getStore();
    if (counter) counter.queries += 1;
    return queryRaw.call(queryable, query);
  };
  queryable.executeRaw = (query) => {
    const counter = requestCounter.getStore();
    if (counter) counter.queries += 1;
    return executeRaw.call(queryable, query);
  };
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
      const counter = { queries: 0 };
      const writeHead = res.writeHead;
      res.writeHead = function (this: typeof res, ...args: Parameters<typeof res.writeHead>) {
        if (!res.headersSent) res.setHeader('X-Query-Count', String(counter.queries));
        return writeHead.apply(this, args);
      } as typeof res.writeHead;
      requestCounter.run(counter, next);
    }
  : null;
