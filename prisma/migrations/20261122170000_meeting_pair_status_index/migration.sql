-- The pairs' month overview seeks held and planned meetings per pair and status. IF NOT EXISTS:
-- databases created while this index was (wrongly) part of the init migration already have it.
CREATE INDEX IF NOT EXISTS "Meeting_pairId_status_startsAt_idx" ON "Meeting"("pairId", "status", "startsAt");
