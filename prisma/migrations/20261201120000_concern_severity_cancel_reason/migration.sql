-- A concern's severity (NORMAL | URGENT); existing concerns are NORMAL.
-- A plain ADD COLUMN rather than Prisma's table rebuild, so the Concern table keeps its
-- data-version triggers (docs/decisions/007-view-snapshots.md).
ALTER TABLE "Concern" ADD COLUMN "severity" TEXT NOT NULL DEFAULT 'NORMAL';

-- Why a meeting was cancelled ahead (optional); who cancelled is in its status.
ALTER TABLE "Meeting" ADD COLUMN "cancelReason" TEXT;
