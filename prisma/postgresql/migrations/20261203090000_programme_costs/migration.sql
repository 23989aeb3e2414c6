-- PostgreSQL twin of prisma/migrations/20261203090000_programme_costs/migration.sql (same name, same effect).
-- Outcome measures (#22, decision 022): the programme's costs per half-year, and the moment a
-- volunteer first became ready.

-- CreateTable
CREATE TABLE "ProgrammeCost" (
    "id" TEXT NOT NULL,
    "halfYear" TEXT NOT NULL,
    "amountOre" INTEGER NOT NULL,
    "category" TEXT NOT NULL,
    "note" TEXT,
    "recordedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ProgrammeCost_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ProgrammeCost_halfYear_idx" ON "ProgrammeCost"("halfYear");

-- AlterTable
ALTER TABLE "VolunteerProfile" ADD COLUMN "readyAt" TIMESTAMP(3);

-- Volunteers ready today became ready, as far as is known, when their stage last changed.
UPDATE "VolunteerProfile" SET "readyAt" = "stageChangedAt" WHERE "status" = 'READY' AND "readyAt" IS NULL;

-- A cost is programme data: it raises the data version as every other table does (decision 015).
CREATE TRIGGER "ProgrammeCost_data_version" AFTER INSERT OR UPDATE OR DELETE ON "ProgrammeCost"
  FOR EACH STATEMENT EXECUTE FUNCTION "bump_data_version"();
