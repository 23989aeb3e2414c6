-- PostgreSQL twin of prisma/migrations/20261201100000_closure_talk_not_held/migration.sql (same name, same effect).

-- AlterTable
ALTER TABLE "Pair" ADD COLUMN     "closureTalkNotHeldReason" TEXT;
