-- First week (#21): a meeting at the prison gate on the release day.
-- A plain ADD COLUMN (not Prisma's table rebuild) keeps Meeting's partial unique index and data-version triggers.
ALTER TABLE "Meeting" ADD COLUMN "gateMeeting" BOOLEAN NOT NULL DEFAULT false;
