import { z } from 'zod';
import { Prisma } from '~/generated/prisma/client';
import { db, type Tx } from '~/lib/db.server';
import { queryOne, sqlNumber } from '~/lib/sql.server';

const overviewRow = z.object({
  activePairs: sqlNumber,
  waitingForMatch: sqlNumber,
  newReferrals: sqlNumber,
  readyVolunteers: sqlNumber,
  failedEmails: sqlNumber,
});

/** The programme in a few numbers, for the coordinator's dashboard: one query, five index counts. */
export function programmeOverview(client: Tx = db) {
  return queryOne(
    client,
    overviewRow,
    Prisma.sql`
    SELECT
      (SELECT COUNT(*) FROM "Pair" WHERE "status" = 'ACTIVE') AS "activePairs",
      (SELECT COUNT(*) FROM "Participant" WHERE "status" = 'ACCEPTED') AS "waitingForMatch",
      (SELECT COUNT(*) FROM "Participant" WHERE "status" = 'REFERRED') AS "newReferrals",
      (SELECT COUNT(*) FROM "VolunteerProfile" WHERE "status" = 'READY') AS "readyVolunteers",
      (SELECT COUNT(*) FROM "OutboxEmail" WHERE "status" = 'FAILED') AS "failedEmails"`,
  );
}
