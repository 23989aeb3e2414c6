/**
 * One "instance" starting in demo mode (tests/integration/demo-seed-once.test.ts):
 * `node --import tsx tests/support/seed-once.ts`, with DATABASE_URL in the environment. Waits
 * for the parent's go on stdin, seeds if the database is empty, prints whether it seeded.
 */
import { db } from '../../app/lib/db.server';
import { seedDemoDataIfEmpty } from '../../prisma/demo-seed';

await db.user.count();
process.stdout.write('ready\n');
await new Promise((resolve) => process.stdin.once('data', resolve));
const seeded = await seedDemoDataIfEmpty(db);
await db.$disconnect();
process.stdout.write(`${JSON.stringify({ seeded })}\n`);
