-- PostgreSQL twin of prisma/migrations/20261201120000_concern_severity_cancel_reason/migration.sql (same name, same effect).

-- AlterTable
ALTER TABLE "Concern" ADD COLUMN     "severity" TEXT NOT NULL DEFAULT 'NORMAL';

-- AlterTable
ALTER TABLE "Meeting" ADD COLUMN     "cancelReason" TEXT;
