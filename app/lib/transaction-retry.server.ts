/**
 * Transactions that lost a race are run again, a bounded number of times (issue #19). Nothing
 * here knows the domain: a transaction callback only reads and writes the database (emails and
 * texts are outbox rows, sent after the commit), so running it again after a rollback is safe.
 *
 * Which failures are worth another attempt:
 * - PostgreSQL's serialization failure (40001) and deadlock (40P01): the database rolled the
 *   transaction back and says so; Prisma reports them as P2034 ("TransactionWriteConflict"), a
 *   driver adapter error with the original code, or the pg error itself.
 * - SQLite's "database is locked" (SQLITE_BUSY): another process held the write lock longer
 *   than the adapter's own waiting (db.server.ts, writeLockFirst).
 * Anything else (a unique index refusing a row, a domain error) is thrown at once.
 */

/** PostgreSQL's SQLSTATEs for a transaction that may succeed when run again. */
const RETRYABLE_POSTGRES_CODES = new Set(['40001', '40P01']);

interface ErrorFields {
  code?: unknown;
  originalCode?: unknown;
  kind?: unknown;
  message?: unknown;
  cause?: unknown;
  meta?: unknown;
}

/** The error and the errors it wraps (cause, Prisma's meta.driverAdapterError), at most a few deep. */
function* errorChain(error: unknown): Generator<ErrorFields> {
  const pending: unknown[] = [error];
  for (let seen = 0; pending.length > 0 && seen < 8; seen += 1) {
    const current = pending.shift();
    if (!current || typeof current !== 'object') continue;
    const fields = current as ErrorFields;
    yield fields;
    pending.push(fields.cause);
    if (fields.meta && typeof fields.meta === 'object') pending.push((fields.meta as { driverAdapterError?: unknown }).driverAdapterError);
  }
}

/** Whether an error is SQLite's "database is locked" (another process holds the write lock). */
export function isDatabaseBusy(error: unknown): boolean {
  for (const { code, originalCode, kind, message } of errorChain(error)) {
    if (typeof code === 'string' && code.startsWith('SQLITE_BUSY')) return true;
    if (typeof originalCode === 'string' && originalCode.startsWith('SQLITE_BUSY')) return true;
    if (kind === 'SocketTimeout') return true;
    if (typeof message === 'string' && message.includes('database is locked')) return true;
  }
  return false;
}

/** Whether an error is PostgreSQL's serialization failure or deadlock, however Prisma wrapped it. */
export function isWriteConflict(error: unknown): boolean {
  for (const { code, originalCode, kind } of errorChain(error)) {
    if (code === 'P2034' || kind === 'TransactionWriteConflict') return true;
    if (typeof code === 'string' && RETRYABLE_POSTGRES_CODES.has(code)) return true;
    if (typeof originalCode === 'string' && RETRYABLE_POSTGRES_CODES.has(originalCode)) return true;
  }
  return false;
}

/** Whether running the whole transaction again may succeed. */
export function isRetryableTransactionError(error: unknown): boolean {
  return isWriteConflict(error) || isDatabaseBusy(error);
}

export interface RetryOptions {
  /** Attempts in all, the first included. */
  attempts?: number;
  /** The pause before attempt n+1 (n from 1); jittered, so two losers do not meet again. */
  pauseMs?: (attempt: number) => number;
  /** Called before each new attempt, e.g. to count them in a test. */
  onRetry?: (error: unknown, attempt: number) => void;
}

export const TRANSACTION_ATTEMPTS = 4;

function defaultPause(attempt: number): number {
  return 20 * 2 ** (attempt - 1) + Math.random() * 20;
}

function pause(ms: number) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * Runs `transaction` (one whole `$transaction`, never a part of one) and runs it again while it
 * fails with a retryable error, at most `attempts` times in all; the last error is thrown.
 */
export async function withTransactionRetry<T>(transaction: () => Promise<T>, options: RetryOptions = {}): Promise<T> {
  const { attempts = TRANSACTION_ATTEMPTS, pauseMs = defaultPause, onRetry } = options;
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await transaction();
    } catch (error) {
      if (attempt >= attempts || !isRetryableTransactionError(error)) throw error;
      onRetry?.(error, attempt);
      await pause(pauseMs(attempt));
    }
  }
}

interface WithTransaction {
  $transaction: (...args: never[]) => Promise<unknown>;
}

/**
 * Makes every interactive transaction of a client (`client.$transaction(async (tx) => …)`)
 * retry as withTransactionRetry does, so no call site can forget it. A batch
 * (`$transaction([…])`, unused in the app) is passed through: its queries are promises made
 * before the call and cannot be run anew. Inside a callback `tx` has no `$transaction`, so a
 * retry always repeats the outermost transaction.
 */
export function retryTransactions<C extends WithTransaction>(client: C, options: RetryOptions = {}): C {
  const run = client.$transaction.bind(client) as (...args: unknown[]) => Promise<unknown>;
  const retrying = (...args: unknown[]) =>
    typeof args[0] === 'function' ? withTransactionRetry(() => run(...args), options) : run(...args);
  return new Proxy(client, {
    get(target, property) {
      if (property === '$transaction') return retrying;
      const value = Reflect.get(target, property, target) as unknown;
      // The client's own methods run with the client itself as `this`, never the proxy.
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}
