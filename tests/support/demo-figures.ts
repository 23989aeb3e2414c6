/**
 * One process on the database DATABASE_URL names (tests/integration/migrate-to-postgres.test.ts):
 * `node --import tsx tests/support/demo-figures.ts seed|figures <ISO instant>`. `seed` writes
 * the demo data as of that instant; `figures` prints, as JSON, the dashboard's figures at that
 * instant and two records read through the app's client. A process of its own, because the app
 * chooses its SQL dialect by DATABASE_URL (row locks, JSON paths), so each database is read by a
 * process that runs on it as the app would.
 */
import { db } from '../../app/lib/db.server';
import { dashboardFigures } from '../../app/domain/monitoring/dashboard.server';
import { participantsActiveNow } from '../../app/domain/figures/figures.server';
import { seedDemoData } from '../../prisma/demo-seed';

const [what, at] = process.argv.slice(2);
const now = new Date(at ?? '');
if (Number.isNaN(now.getTime())) throw new Error('usage: demo-figures.ts seed|figures <ISO instant>');
if (what === 'seed') {
  await seedDemoData(db, now);
  process.stdout.write(`${JSON.stringify({ seeded: true })}\n`);
} else {
  const user = await db.user.findFirstOrThrow({ orderBy: { email: 'asc' } });
  const meeting = await db.meeting.findFirstOrThrow({ where: { log: { isNot: null } }, orderBy: { id: 'asc' }, include: { log: true } });
  const output = { dashboard: await dashboardFigures(db, now), activeNow: await participantsActiveNow(db), user, meeting };
  process.stdout.write(`${JSON.stringify(output)}\n`);
}
await db.$disconnect();
