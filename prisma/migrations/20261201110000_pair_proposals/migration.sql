-- A proposal is answered by the volunteer: a declined or withdrawn proposal is kept (status
-- DECLINED or WITHDRAWN), with when it closed and the volunteer's optional reason.
-- AlterTable
ALTER TABLE "Pair" ADD COLUMN "declineReason" TEXT;
ALTER TABLE "Pair" ADD COLUMN "proposalClosedAt" DATETIME;

-- Earlier versions let a participant have several open proposals at once: all but the newest
-- are withdrawn, so that the rule below can hold.
UPDATE "Pair" SET "status" = 'WITHDRAWN'
WHERE "status" = 'PROPOSED' AND EXISTS (
  SELECT 1 FROM "Pair" "newer"
  WHERE "newer"."participantId" = "Pair"."participantId" AND "newer"."status" = 'PROPOSED'
    AND ("newer"."proposedAt" > "Pair"."proposedAt" OR ("newer"."proposedAt" = "Pair"."proposedAt" AND "newer"."id" > "Pair"."id"))
);

-- At most one open proposal per participant, held by the database (two coordinators proposing
-- at once cannot both succeed). Prisma's schema cannot say "partial", so it lives here only.
CREATE UNIQUE INDEX "Pair_one_open_proposal_per_participant" ON "Pair"("participantId") WHERE "status" = 'PROPOSED';
