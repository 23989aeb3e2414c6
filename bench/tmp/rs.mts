import { db } from '~/lib/db.server';
import * as m from '~/domain/recruitment/recruitment.server';
async function time(name: string, f: () => Promise<unknown>, n = 20) {
  for (let i = 0; i < 3; i++) await f();
  const t = performance.now();
  for (let i = 0; i < n; i++) await f();
  console.log(name.padEnd(30), ((performance.now() - t) / n).toFixed(1), 'ms');
}
const x = m as any;
for (const k of ['participantFunnel', 'volunteerFunnel', 'freeVolunteerPlaces']) if (x[k]) await time(k, () => x[k](db, '2026-H2'));
await time('pairsHistory', () => x.pairsHistory(db, ['2024-H1', '2024-H2', '2025-H1', '2025-H2', '2026-H1', '2026-H2']));
await time('waiting', () => db.participant.count({ where: { status: 'ACCEPTED', pairs: { none: { status: { in: ['ACTIVE', 'PROPOSED'] } } } } }));
