-- PostgreSQL twin of prisma/migrations/20261203070000_gate_meeting/migration.sql (same name, same effect).
-- First week (#21): a meeting at the prison gate on the release day.
ALTER TABLE "Meeting" ADD COLUMN "gateMeeting" BOOLEAN NOT NULL DEFAULT false;
