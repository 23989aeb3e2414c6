-- PostgreSQL twin of prisma/migrations/20261201170000_idempotent_writes/migration.sql (same name, same effect).

-- AlterTable
ALTER TABLE "JobRun" ADD COLUMN     "attempts" INTEGER NOT NULL DEFAULT 1;

-- A pair has at most one planned meeting at one instant: the earliest of any duplicates stays,
-- the others are cancelled, then a partial unique index holds the rule (not in schema.prisma:
-- a later `migrate diff` must not drop it).
UPDATE "Meeting" SET "status" = 'CANCELLED', "sequence" = "sequence" + 1
WHERE "status" = 'PLANNED' AND EXISTS (
  SELECT 1 FROM "Meeting" AS "kept"
  WHERE "kept"."pairId" = "Meeting"."pairId" AND "kept"."startsAt" = "Meeting"."startsAt" AND "kept"."status" = 'PLANNED'
    AND ("kept"."createdAt" < "Meeting"."createdAt" OR ("kept"."createdAt" = "Meeting"."createdAt" AND "kept"."id" < "Meeting"."id"))
);
CREATE UNIQUE INDEX "Meeting_planned_slot_key" ON "Meeting"("pairId", "startsAt") WHERE "status" = 'PLANNED';
