import { startWriter } from '../support/start-writer';
import { describe, expect, it } from 'vitest';
import { db } from '~/lib/db.server';
import { lockKey } from '~/lib/row-lock.server';

const WRITES = 150;

// On SQLite: two processes on one file; on PostgreSQL the same writes from two instances.
describe('several processes on one database', () => {
  it('writes from two processes at once without errors (on SQLite: no "database is locked")', async () => {
    const writer = startWriter('child', WRITES);
    expect(await writer.ready).toBe('ready');
    const report = writer.next();
    writer.child.stdin.write('go\n');
    const errors: string[] = [];
    let written = 0;
    for (let i = 0; i < WRITES; i += 1) {
      try {
        await db.$transaction(async (tx) => {
          // The app's check-then-write paths take a lock first (row-lock.server.ts): a no-op on
          // SQLite, whose write lock already serialises them; on PostgreSQL an advisory lock.
          await lockKey(tx, 'soak');
          const before = await tx.auditEvent.count({ where: { entityType: 'SOAK' } });
          await tx.auditEvent.create({ data: { action: 'CREATE', entityType: 'SOAK', entityId: `parent-${i}`, detail: { before } } });
        });
        written += 1;
      } catch (error) {
        errors.push(error instanceof Error ? error.message : String(error));
      }
    }
    const child = JSON.parse(await report) as { written: number; errors: string[] };
    expect(errors).toEqual([]);
    expect(child.errors).toEqual([]);
    expect(written + child.written).toBe(2 * WRITES);
    expect(await db.auditEvent.count({ where: { entityType: 'SOAK' } })).toBe(2 * WRITES);
    // Each transaction saw the count the one before it left: the writes were serialised.
    const seen = await db.auditEvent.findMany({ where: { entityType: 'SOAK' }, select: { detail: true } });
    expect(new Set(seen.map((row) => (row.detail as { before: number }).before)).size).toBe(2 * WRITES);
  }, 60_000);
});
