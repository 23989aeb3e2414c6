/**
 * A second process writing to the test's database (a SQLite file, or PostgreSQL) (tests/integration/sqlite-processes.test.ts):
 * `node --import tsx tests/support/sqlite-writer.ts <database url> <writes> <tag>`. Each write
 * is a transaction that reads, then writes, as the app's writes do. Prints one JSON line.
 */
import { createPrismaClient, isDatabaseBusy } from '../../app/lib/db.server';
import { lockKey } from '../../app/lib/row-lock.server';

const [url, count, tag] = process.argv.slice(2);
if (!url) throw new Error('usage: sqlite-writer.ts <database url> <writes> <tag>');
const client = createPrismaClient(url);
let written = 0;
const errors: string[] = [];
// Tell the parent we are connected, then wait for its go, so both write at the same time.
await client.auditEvent.count();
process.stdout.write('ready\n');
await new Promise((resolve) => process.stdin.once('data', resolve));
for (let i = 0; i < Number(count); i += 1) {
  try {
    await client.$transaction(async (tx) => {
      // The app's check-then-write paths take a lock first (row-lock.server.ts): a no-op on
      // SQLite, whose write lock already serialises them; on PostgreSQL an advisory lock.
      await lockKey(tx, 'soak');
      const before = await tx.auditEvent.count({ where: { entityType: 'SOAK' } });
      await tx.auditEvent.create({ data: { action: 'CREATE', entityType: 'SOAK', entityId: `${tag}-${i}`, detail: { before } } });
    });
    written += 1;
  } catch (error) {
    errors.push(`${isDatabaseBusy(error) ? 'busy: ' : ''}${error instanceof Error ? error.message : String(error)}`);
  }
}
await client.$disconnect();
process.stdout.write(`${JSON.stringify({ written, errors })}\n`);
