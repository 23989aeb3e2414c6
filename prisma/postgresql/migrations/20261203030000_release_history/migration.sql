-- PostgreSQL twin of prisma/migrations/20261203030000_release_history/migration.sql (same name, same effect).

-- AlterTable
ALTER TABLE "Meeting" ADD COLUMN     "replanFlaggedAt" TIMESTAMP(3),
ADD COLUMN     "replanReason" TEXT;

-- AlterTable
ALTER TABLE "Participant" ADD COLUMN     "actualReleaseDate" TEXT,
ADD COLUMN     "earliestReleaseDate" TEXT;

-- CreateTable
CREATE TABLE "ReleaseDateChange" (
    "id" TEXT NOT NULL,
    "participantId" TEXT NOT NULL,
    "earliestDate" TEXT,
    "expectedDate" TEXT NOT NULL,
    "actualDate" TEXT,
    "fromDate" TEXT,
    "toDate" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "changedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ReleaseDateChange_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "VisitorClearance" (
    "id" TEXT NOT NULL,
    "volunteerId" TEXT NOT NULL,
    "prison" TEXT NOT NULL,
    "appliedOn" TEXT NOT NULL,
    "clearedOn" TEXT,
    "expiresOn" TEXT,
    "recordedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "VisitorClearance_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PairHold" (
    "id" TEXT NOT NULL,
    "pairId" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "note" TEXT,
    "fromDate" TEXT NOT NULL,
    "untilDate" TEXT,
    "startedById" TEXT,
    "endedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PairHold_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ReleaseDateChange_participantId_createdAt_idx" ON "ReleaseDateChange"("participantId", "createdAt");

-- CreateIndex
CREATE INDEX "VisitorClearance_volunteerId_prison_idx" ON "VisitorClearance"("volunteerId", "prison");

-- CreateIndex
CREATE INDEX "VisitorClearance_expiresOn_idx" ON "VisitorClearance"("expiresOn");

-- CreateIndex
CREATE INDEX "PairHold_pairId_fromDate_idx" ON "PairHold"("pairId", "fromDate");

-- CreateIndex
CREATE INDEX "PairHold_untilDate_idx" ON "PairHold"("untilDate");

-- CreateIndex
CREATE INDEX "Meeting_replanFlaggedAt_idx" ON "Meeting"("replanFlaggedAt");

-- AddForeignKey
ALTER TABLE "ReleaseDateChange" ADD CONSTRAINT "ReleaseDateChange_participantId_fkey" FOREIGN KEY ("participantId") REFERENCES "Participant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReleaseDateChange" ADD CONSTRAINT "ReleaseDateChange_changedById_fkey" FOREIGN KEY ("changedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "VisitorClearance" ADD CONSTRAINT "VisitorClearance_volunteerId_fkey" FOREIGN KEY ("volunteerId") REFERENCES "VolunteerProfile"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "VisitorClearance" ADD CONSTRAINT "VisitorClearance_recordedById_fkey" FOREIGN KEY ("recordedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PairHold" ADD CONSTRAINT "PairHold_pairId_fkey" FOREIGN KEY ("pairId") REFERENCES "Pair"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PairHold" ADD CONSTRAINT "PairHold_startedById_fkey" FOREIGN KEY ("startedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PairHold" ADD CONSTRAINT "PairHold_endedById_fkey" FOREIGN KEY ("endedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Cached views (decision 007) notice changes to these tables.
CREATE TRIGGER "ReleaseDateChange_data_version" AFTER INSERT OR UPDATE OR DELETE ON "ReleaseDateChange"
  FOR EACH STATEMENT EXECUTE FUNCTION "bump_data_version"();
CREATE TRIGGER "VisitorClearance_data_version" AFTER INSERT OR UPDATE OR DELETE ON "VisitorClearance"
  FOR EACH STATEMENT EXECUTE FUNCTION "bump_data_version"();
CREATE TRIGGER "PairHold_data_version" AFTER INSERT OR UPDATE OR DELETE ON "PairHold"
  FOR EACH STATEMENT EXECUTE FUNCTION "bump_data_version"();

-- The history starts with the date each participant has now.
INSERT INTO "ReleaseDateChange" ("id", "participantId", "expectedDate", "toDate", "reason", "createdAt", "updatedAt")
SELECT 'rdc_' || "id", "id", "expectedReleaseDate", "expectedReleaseDate", 'REFERRAL', "createdAt", CURRENT_TIMESTAMP FROM "Participant";

-- One running pair per participant (20261203020000_one_open_pair) now counts a pair on hold as
-- running: RUNNING_PAIR_STATUSES in app/domain/pairs/status.ts (a test compares them).
DROP INDEX "Pair_one_active_per_participant";
CREATE UNIQUE INDEX "Pair_one_active_per_participant" ON "Pair"("participantId") WHERE "status" IN ('ACTIVE', 'ON_HOLD');
