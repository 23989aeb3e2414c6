-- AlterTable
ALTER TABLE "Participant" ADD COLUMN "actualReleaseDate" TEXT;
ALTER TABLE "Participant" ADD COLUMN "earliestReleaseDate" TEXT;

-- AlterTable
ALTER TABLE "Meeting" ADD COLUMN "replanFlaggedAt" DATETIME;
ALTER TABLE "Meeting" ADD COLUMN "replanReason" TEXT;

-- CreateTable
CREATE TABLE "ReleaseDateChange" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "participantId" TEXT NOT NULL,
    "earliestDate" TEXT,
    "expectedDate" TEXT NOT NULL,
    "actualDate" TEXT,
    "fromDate" TEXT,
    "toDate" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "changedById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "ReleaseDateChange_participantId_fkey" FOREIGN KEY ("participantId") REFERENCES "Participant" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ReleaseDateChange_changedById_fkey" FOREIGN KEY ("changedById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "VisitorClearance" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "volunteerId" TEXT NOT NULL,
    "prison" TEXT NOT NULL,
    "appliedOn" TEXT NOT NULL,
    "clearedOn" TEXT,
    "expiresOn" TEXT,
    "recordedById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "VisitorClearance_volunteerId_fkey" FOREIGN KEY ("volunteerId") REFERENCES "VolunteerProfile" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "VisitorClearance_recordedById_fkey" FOREIGN KEY ("recordedById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "PairHold" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "pairId" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "note" TEXT,
    "fromDate" TEXT NOT NULL,
    "untilDate" TEXT,
    "startedById" TEXT,
    "endedById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "PairHold_pairId_fkey" FOREIGN KEY ("pairId") REFERENCES "Pair" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "PairHold_startedById_fkey" FOREIGN KEY ("startedById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "PairHold_endedById_fkey" FOREIGN KEY ("endedById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
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

-- Cached views (decision 007) notice changes to these tables.
CREATE TRIGGER "ReleaseDateChange_insert_data_version" AFTER INSERT ON "ReleaseDateChange" BEGIN
  INSERT INTO "DataVersion" ("id", "version") VALUES (1, 1) ON CONFLICT ("id") DO UPDATE SET "version" = "DataVersion"."version" + 1;
END;
CREATE TRIGGER "ReleaseDateChange_update_data_version" AFTER UPDATE ON "ReleaseDateChange" BEGIN
  INSERT INTO "DataVersion" ("id", "version") VALUES (1, 1) ON CONFLICT ("id") DO UPDATE SET "version" = "DataVersion"."version" + 1;
END;
CREATE TRIGGER "ReleaseDateChange_delete_data_version" AFTER DELETE ON "ReleaseDateChange" BEGIN
  INSERT INTO "DataVersion" ("id", "version") VALUES (1, 1) ON CONFLICT ("id") DO UPDATE SET "version" = "DataVersion"."version" + 1;
END;
CREATE TRIGGER "VisitorClearance_insert_data_version" AFTER INSERT ON "VisitorClearance" BEGIN
  INSERT INTO "DataVersion" ("id", "version") VALUES (1, 1) ON CONFLICT ("id") DO UPDATE SET "version" = "DataVersion"."version" + 1;
END;
CREATE TRIGGER "VisitorClearance_update_data_version" AFTER UPDATE ON "VisitorClearance" BEGIN
  INSERT INTO "DataVersion" ("id", "version") VALUES (1, 1) ON CONFLICT ("id") DO UPDATE SET "version" = "DataVersion"."version" + 1;
END;
CREATE TRIGGER "VisitorClearance_delete_data_version" AFTER DELETE ON "VisitorClearance" BEGIN
  INSERT INTO "DataVersion" ("id", "version") VALUES (1, 1) ON CONFLICT ("id") DO UPDATE SET "version" = "DataVersion"."version" + 1;
END;
CREATE TRIGGER "PairHold_insert_data_version" AFTER INSERT ON "PairHold" BEGIN
  INSERT INTO "DataVersion" ("id", "version") VALUES (1, 1) ON CONFLICT ("id") DO UPDATE SET "version" = "DataVersion"."version" + 1;
END;
CREATE TRIGGER "PairHold_update_data_version" AFTER UPDATE ON "PairHold" BEGIN
  INSERT INTO "DataVersion" ("id", "version") VALUES (1, 1) ON CONFLICT ("id") DO UPDATE SET "version" = "DataVersion"."version" + 1;
END;
CREATE TRIGGER "PairHold_delete_data_version" AFTER DELETE ON "PairHold" BEGIN
  INSERT INTO "DataVersion" ("id", "version") VALUES (1, 1) ON CONFLICT ("id") DO UPDATE SET "version" = "DataVersion"."version" + 1;
END;

-- The history starts with the date each participant has now.
INSERT INTO "ReleaseDateChange" ("id", "participantId", "expectedDate", "toDate", "reason", "createdAt", "updatedAt")
SELECT 'rdc_' || "id", "id", "expectedReleaseDate", "expectedReleaseDate", 'REFERRAL', "createdAt", CURRENT_TIMESTAMP FROM "Participant";

-- One running pair per participant (20261203020000_one_open_pair) now counts a pair on hold as
-- running: RUNNING_PAIR_STATUSES in app/domain/pairs/status.ts (a test compares them).
DROP INDEX "Pair_one_active_per_participant";
CREATE UNIQUE INDEX "Pair_one_active_per_participant" ON "Pair"("participantId") WHERE "status" IN ('ACTIVE', 'ON_HOLD');
