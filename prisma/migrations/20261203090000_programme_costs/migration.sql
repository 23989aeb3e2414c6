-- Outcome measures (#22, decision 022): the programme's costs per half-year, and the moment a
-- volunteer first became ready.

-- CreateTable
CREATE TABLE "ProgrammeCost" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "halfYear" TEXT NOT NULL,
    "amountOre" INTEGER NOT NULL,
    "category" TEXT NOT NULL,
    "note" TEXT,
    "recordedById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateIndex
CREATE INDEX "ProgrammeCost_halfYear_idx" ON "ProgrammeCost"("halfYear");

-- AlterTable
ALTER TABLE "VolunteerProfile" ADD COLUMN "readyAt" DATETIME;

-- Volunteers ready today became ready, as far as is known, when their stage last changed.
UPDATE "VolunteerProfile" SET "readyAt" = "stageChangedAt" WHERE "status" = 'READY' AND "readyAt" IS NULL;

-- A cost is programme data: it raises the data version as every other table does (decision 015).
CREATE TRIGGER "ProgrammeCost_delete_data_version" AFTER DELETE ON "ProgrammeCost" BEGIN
  INSERT INTO "DataVersion" ("id", "version") VALUES (abs(random()) % 16 + 1, 1) ON CONFLICT ("id") DO UPDATE SET "version" = "DataVersion"."version" + 1;
END;
CREATE TRIGGER "ProgrammeCost_insert_data_version" AFTER INSERT ON "ProgrammeCost" BEGIN
  INSERT INTO "DataVersion" ("id", "version") VALUES (abs(random()) % 16 + 1, 1) ON CONFLICT ("id") DO UPDATE SET "version" = "DataVersion"."version" + 1;
END;
CREATE TRIGGER "ProgrammeCost_update_data_version" AFTER UPDATE ON "ProgrammeCost" BEGIN
  INSERT INTO "DataVersion" ("id", "version") VALUES (abs(random()) % 16 + 1, 1) ON CONFLICT ("id") DO UPDATE SET "version" = "DataVersion"."version" + 1;
END;
