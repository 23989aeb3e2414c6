import { db } from '~/lib/db.server';
import { Prisma } from '~/generated/prisma/client';
import { monthOf, monthRange } from '~/lib/time';
const now = new Date(); const { start, end } = monthRange(monthOf(now));
async function time(name: string, f: () => Promise<unknown>, n = 20) {
  for (let i = 0; i < 3; i++) await f();
  const t = performance.now();
  for (let i = 0; i < n; i++) await f();
  console.log(name.padEnd(30), ((performance.now() - t) / n).toFixed(1), 'ms');
}
const ids = (await db.pair.findMany({ where: { status: 'ACTIVE' }, select: { id: true } })).map((p) => p.id);
await time('ids findMany', () => db.pair.findMany({ where: { status: 'ACTIVE' }, orderBy: [{ activatedAt: 'asc' }, { id: 'asc' }], select: { id: true } }));
await time('ids raw', () => db.$queryRaw`SELECT "id" FROM "Pair" WHERE "status" = 'ACTIVE' ORDER BY "activatedAt", "id"`);
await time('raw held only IN', () => db.$queryRaw`SELECT p."id", (SELECT COUNT(*) FROM "Meeting" m WHERE m."pairId" = p."id" AND m."status" = 'HELD' AND m."startsAt" >= ${start} AND m."startsAt" < ${end}) AS "held" FROM "Pair" p WHERE p."id" IN (${Prisma.join(ids)})`);
await time('raw names IN', () => db.$queryRaw`SELECT p."id", pt."firstName" FROM "Pair" p JOIN "Participant" pt ON pt."id" = p."participantId" WHERE p."id" IN (${Prisma.join(ids)})`);
await time('raw names noIN', () => db.$queryRaw`SELECT p."id", pt."firstName" FROM "Pair" p JOIN "Participant" pt ON pt."id" = p."participantId" WHERE p."status" = 'ACTIVE'`);
