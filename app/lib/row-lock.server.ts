/**
 * Row locks for check-then-write transactions (issue #19). A transaction that reads a count and
 * then writes because of it (a volunteer's free places before a proposal) must not interleave
 * with another doing the same. On SQLite every write transaction already holds the file's write
 * lock from its first statement (`BEGIN IMMEDIATE`, db.server.ts), so the transactions run one
 * after the other and this is a no-op. On PostgreSQL at READ COMMITTED both would read the same
 * count: `SELECT … FOR NO KEY UPDATE` on the row the decision is about (the volunteer) makes the
 * second wait until the first commits, and its next reads see the first one's rows. NO KEY: the
 * lock does not conflict with the key-share locks that inserts of rows referring to the locked
 * row take (a pair for the participant written by another instance), so it never makes such an
 * insert and a unique index wait for each other in a deadlock; two lockers still take turns.
 *
 * Call it first in the transaction, before the reads it protects.
 */
import { Prisma } from '~/generated/prisma/client';
import { databaseProvider } from './database-url';
import type { Tx } from './db.server';
import { env } from './env.server';

/** The tables whose rows a decision is locked on; a fixed list, so no name is ever spliced in from input. */
export type LockableTable = 'VolunteerProfile' | 'Participant' | 'Pair' | 'TrainingCourse';

export async function lockForUpdate(tx: Tx, table: LockableTable, id: string): Promise<void> {
  if (databaseProvider(env().DATABASE_URL) !== 'postgresql') return;
  await tx.$queryRaw(Prisma.sql`SELECT 1 FROM ${Prisma.raw(`"${table}"`)} WHERE "id" = ${id} FOR NO KEY UPDATE`);
}

/**
 * A lock on a key rather than a row, for a check-then-write whose row does not exist yet (the
 * same application or referral sent twice: "is it already there?" then create). On SQLite a
 * no-op, as above; on PostgreSQL a transaction-scoped advisory lock on the key's hash, so the
 * second submit waits and then finds the first one's row.
 */
export async function lockKey(tx: Tx, key: string): Promise<void> {
  if (databaseProvider(env().DATABASE_URL) !== 'postgresql') return;
  // executeRaw: the function returns `void`, a column type the adapter would have to decode.
  await tx.$executeRaw(Prisma.sql`SELECT pg_advisory_xact_lock(hashtext(${key}))`);
}
