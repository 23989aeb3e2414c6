-- Double submits and several processes (docs/jobs.md, docs/decisions/007 for the triggers).

-- "Plan this month" posted twice in parallel planned each meeting two or three times. A pair
-- has at most one planned meeting at one instant: the earliest of any duplicates stays, the
-- others are cancelled (calendars see them go), then a partial unique index holds the rule on
-- SQLite and PostgreSQL alike. Prisma's schema cannot express a partial index, so it lives
-- only here (schema.prisma says so beside Meeting); a later `migrate diff` must not drop it.
UPDATE "Meeting" SET "status" = 'CANCELLED', "sequence" = "sequence" + 1
WHERE "status" = 'PLANNED' AND EXISTS (
  SELECT 1 FROM "Meeting" AS "kept"
  WHERE "kept"."pairId" = "Meeting"."pairId" AND "kept"."startsAt" = "Meeting"."startsAt" AND "kept"."status" = 'PLANNED'
    AND ("kept"."createdAt" < "Meeting"."createdAt" OR ("kept"."createdAt" = "Meeting"."createdAt" AND "kept"."id" < "Meeting"."id"))
);
CREATE UNIQUE INDEX "Meeting_planned_slot_key" ON "Meeting"("pairId", "startsAt") WHERE "status" = 'PLANNED';

-- A job slot that failed is retried at the next minute's tick, a bounded number of times.
ALTER TABLE "JobRun" ADD COLUMN "attempts" INTEGER NOT NULL DEFAULT 1;
