-- PostgreSQL twin of prisma/migrations/20261122170000_meeting_pair_status_index/migration.sql (same name, same effect).

-- CreateIndex
CREATE INDEX IF NOT EXISTS "Meeting_pairId_status_startsAt_idx" ON "Meeting"("pairId", "status", "startsAt");
