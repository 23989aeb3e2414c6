-- PostgreSQL twin of prisma/migrations/20261201110000_pair_proposals/migration.sql (same name, same effect).

-- AlterTable
ALTER TABLE "Pair" ADD COLUMN     "declineReason" TEXT,
ADD COLUMN     "proposalClosedAt" TIMESTAMP(3);

-- Earlier versions let a participant have several open proposals at once: all but the newest
-- are withdrawn, so that the rule below can hold.
UPDATE "Pair" SET "status" = 'WITHDRAWN'
WHERE "status" = 'PROPOSED' AND EXISTS (
  SELECT 1 FROM "Pair" "newer"
  WHERE "newer"."participantId" = "Pair"."participantId" AND "newer"."status" = 'PROPOSED'
    AND ("newer"."proposedAt" > "Pair"."proposedAt" OR ("newer"."proposedAt" = "Pair"."proposedAt" AND "newer"."id" > "Pair"."id"))
);

-- At most one open proposal per participant, held by the database. Prisma's schema cannot say
-- "partial", so it lives here only.
CREATE UNIQUE INDEX "Pair_one_open_proposal_per_participant" ON "Pair"("participantId") WHERE "status" = 'PROPOSED';
