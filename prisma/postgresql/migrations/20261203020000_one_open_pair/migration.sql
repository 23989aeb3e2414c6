-- PostgreSQL twin of prisma/migrations/20261203020000_one_open_pair/migration.sql (same name, same effect:
-- that migration's SQL is portable, so this is the same text).

-- One running pair per participant, held by the database (issue #19: several instances).
-- activatePair ends the earlier pair and sets the new one ACTIVE by compare-and-set; on
-- PostgreSQL at READ COMMITTED two instances could still both pass their checks, so the rule is
-- an index too. The status list is RUNNING_PAIR_STATUSES in app/domain/pairs/status.ts (a test
-- compares them). Prisma's schema cannot express a partial index, so it lives only here
-- (schema.prisma says so beside Pair); a later `migrate diff` must not drop it. Portable SQL:
-- the PostgreSQL twin is the same text.

-- Earlier races may have left a participant with several ACTIVE pairs: all but the one started
-- last end as re-matched, on the day and at the instant that one started.
UPDATE "Pair" SET
  "status" = 'ENDED',
  "endType" = 'UNPLANNED',
  "endReason" = 'REMATCHED',
  "endDate" = (
    SELECT "newest"."startDate" FROM "Pair" AS "newest"
    WHERE "newest"."participantId" = "Pair"."participantId" AND "newest"."status" = 'ACTIVE'
    ORDER BY COALESCE("newest"."activatedAt", "newest"."createdAt") DESC, "newest"."id" DESC LIMIT 1
  ),
  "endedAt" = (
    SELECT COALESCE("newest"."activatedAt", "newest"."createdAt") FROM "Pair" AS "newest"
    WHERE "newest"."participantId" = "Pair"."participantId" AND "newest"."status" = 'ACTIVE'
    ORDER BY COALESCE("newest"."activatedAt", "newest"."createdAt") DESC, "newest"."id" DESC LIMIT 1
  )
WHERE "status" = 'ACTIVE' AND EXISTS (
  SELECT 1 FROM "Pair" AS "newer"
  WHERE "newer"."participantId" = "Pair"."participantId" AND "newer"."status" = 'ACTIVE'
    AND (COALESCE("newer"."activatedAt", "newer"."createdAt") > COALESCE("Pair"."activatedAt", "Pair"."createdAt")
      OR (COALESCE("newer"."activatedAt", "newer"."createdAt") = COALESCE("Pair"."activatedAt", "Pair"."createdAt") AND "newer"."id" > "Pair"."id"))
);

CREATE UNIQUE INDEX "Pair_one_active_per_participant" ON "Pair"("participantId") WHERE "status" IN ('ACTIVE');
