import { db } from '~/lib/db.server';
const rows = await db.$queryRaw<any[]>`SELECT s."id", s."lastSeenAt", s."verifiedAt", u."totpEnabledAt", u."role", u."deactivatedAt", (SELECT COUNT(*) FROM "Pair") AS "n", p."flaggedForRematch" FROM "Session" s JOIN "User" u ON u."id" = s."userId" JOIN "Pair" p ON 1=1 LIMIT 1`;
console.log(rows, typeof rows[0].n);
