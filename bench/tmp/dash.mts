import { db } from '~/lib/db.server';
import { mostUrgentPairs, needsActionToday, pairMonths } from '~/domain/meetings/monitoring.server';
import { programmeOverview } from '~/domain/monitoring/overview.server';
import { recruitmentStatus } from '~/domain/recruitment/recruitment.server';
import { failedEmails } from '~/domain/notifications/mailbox.server';
async function time(name: string, f: () => Promise<unknown>, n = 20) {
  for (let i = 0; i < 3; i++) await f();
  const t = performance.now();
  for (let i = 0; i < n; i++) await f();
  console.log(name.padEnd(30), ((performance.now() - t) / n).toFixed(1), 'ms');
}
const now = new Date();
const months = await pairMonths(db, now);
await time('pairMonths', () => pairMonths(db, now));
await time('needsActionToday', () => needsActionToday(db, now, months));
await time('programmeOverview', () => programmeOverview(db));
await time('recruitmentStatus', () => recruitmentStatus(db, now));
await time('failedEmails', () => failedEmails(db));
