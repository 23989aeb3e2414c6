import type { Tx } from '~/lib/db.server';

type OverviewRow = Record<'activePairs' | 'waitingForMatch' | 'newReferrals' | 'readyVolunteers' | 'failedEmails', bigint | number>;

/** The programme in a few numbers, for the coordinator's dashboard: one query, five index counts. */
export async function programmeOverview(db: Tx) {
  const [row] = await db.$queryRaw<OverviewRow[]>`
    SELECT
      (SELECT COUNT(*) FROM "Pair" WHERE "status" = 'ACTIVE') AS "activePairs",
      (SELECT COUNT(*) FROM "Participant" WHERE "status" = 'ACCEPTED') AS "waitingForMatch",
      (SELECT COUNT(*) FROM "Participant" WHERE "status" = 'REFERRED') AS "newReferrals",
      (SELECT COUNT(*) FROM "VolunteerProfile" WHERE "status" = 'READY') AS "readyVolunteers",
      (SELECT COUNT(*) FROM "OutboxEmail" WHERE "status" = 'FAILED') AS "failedEmails"`;
  return {
    activePairs: Number(row.activePairs),
    waitingForMatch: Number(row.waitingForMatch),
    newReferrals: Number(row.newReferrals),
    readyVolunteers: Number(row.readyVolunteers),
    failedEmails: Number(row.failedEmails),
  };
}
