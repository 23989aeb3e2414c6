import Database from 'better-sqlite3';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Prisma } from '~/generated/prisma/client';
import { isDatabaseBusy, isRetryableTransactionError, isWriteConflict, withTransactionRetry } from './transaction-retry.server';

const noPause = { pauseMs: () => 0 };

/** PostgreSQL's error as Prisma reports it through a driver adapter. */
function postgresError(code: string) {
  return new Prisma.PrismaClientKnownRequestError('Transaction failed', {
    code: 'P2010',
    clientVersion: '6.19.3',
    meta: { driverAdapterError: { name: 'DriverAdapterError', cause: { kind: 'postgres', originalCode: code, originalMessage: 'x' } } },
  });
}

/** A real "database is locked" from SQLite: another connection holds the write lock. */
function realBusyError(): unknown {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'busy-')), 'busy.db');
  const holder = new Database(file);
  const other = new Database(file, { timeout: 0 });
  try {
    holder.exec('CREATE TABLE t (x); BEGIN IMMEDIATE; INSERT INTO t VALUES (1);');
    try {
      other.exec('BEGIN IMMEDIATE');
    } catch (error) {
      return error;
    }
    throw new Error('expected SQLITE_BUSY');
  } finally {
    other.close();
    holder.close();
    fs.rmSync(path.dirname(file), { recursive: true, force: true });
  }
}

describe('which errors a transaction is run again for', () => {
  it("knows PostgreSQL's serialization failure and deadlock, however wrapped, and SQLite's busy file", () => {
    expect(isWriteConflict(postgresError('40001'))).toBe(true);
    expect(isWriteConflict(postgresError('40P01'))).toBe(true);
    expect(isWriteConflict(new Prisma.PrismaClientKnownRequestError('conflict', { code: 'P2034', clientVersion: '6.19.3' }))).toBe(true);
    expect(isWriteConflict(Object.assign(new Error('deadlock detected'), { code: '40P01' }))).toBe(true);
    expect(isWriteConflict(new Error('wrapped', { cause: { kind: 'TransactionWriteConflict' } }))).toBe(true);
    const busy = realBusyError();
    expect(isDatabaseBusy(busy)).toBe(true);
    expect(isRetryableTransactionError(new Error('outer', { cause: busy }))).toBe(true);
  });

  it('does not retry a unique violation, another PostgreSQL error or a domain error', () => {
    expect(
      isRetryableTransactionError(new Prisma.PrismaClientKnownRequestError('unique', { code: 'P2002', clientVersion: '6.19.3' })),
    ).toBe(false);
    expect(isRetryableTransactionError(postgresError('23505'))).toBe(false);
    expect(isRetryableTransactionError(new Error('NO_CAPACITY'))).toBe(false);
  });
});

describe('withTransactionRetry', () => {
  it('runs the transaction again after a retryable failure and returns its result', async () => {
    let runs = 0;
    const retried: number[] = [];
    const result = await withTransactionRetry(
      () => {
        runs += 1;
        return runs < 3 ? Promise.reject(postgresError('40P01')) : Promise.resolve('done');
      },
      { ...noPause, onRetry: (_error, attempt) => retried.push(attempt) },
    );
    expect(result).toBe('done');
    expect(runs).toBe(3);
    expect(retried).toEqual([1, 2]);
  });

  it('gives up after the bound and throws the last error', async () => {
    let runs = 0;
    const failing = () => {
      runs += 1;
      return Promise.reject(postgresError('40001'));
    };
    await expect(withTransactionRetry(failing, { ...noPause, attempts: 3 })).rejects.toBeInstanceOf(Prisma.PrismaClientKnownRequestError);
    expect(runs).toBe(3);
  });

  it('throws any other error at once, without a second run', async () => {
    let runs = 0;
    const refused = () => {
      runs += 1;
      return Promise.reject(new Error('NOT_PROPOSED'));
    };
    await expect(withTransactionRetry(refused, noPause)).rejects.toThrow('NOT_PROPOSED');
    expect(runs).toBe(1);
  });
});
