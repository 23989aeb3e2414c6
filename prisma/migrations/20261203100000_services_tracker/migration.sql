-- Services (#21, decision 024): the release checklist becomes the services tracker: a bank account item (no
-- schema change: items are codes), an owner per item, who confirmed it settled and when; and a meeting can be an
-- accompaniment to an appointment, linked to its tracker item.
-- Plain ADD COLUMNs (not Prisma's table rebuild) keep the tables' triggers and partial indexes.
ALTER TABLE "ReleaseChecklistItem" ADD COLUMN "ownerRole" TEXT;
ALTER TABLE "ReleaseChecklistItem" ADD COLUMN "confirmedById" TEXT REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "ReleaseChecklistItem" ADD COLUMN "confirmedAt" DATETIME;
CREATE INDEX "ReleaseChecklistItem_confirmedById_idx" ON "ReleaseChecklistItem"("confirmedById");
-- An item already DONE was confirmed by whoever last changed it, when they did.
UPDATE "ReleaseChecklistItem" SET "confirmedById" = "updatedById", "confirmedAt" = "updatedAt" WHERE "status" = 'DONE';

ALTER TABLE "Meeting" ADD COLUMN "accompanimentKind" TEXT;
ALTER TABLE "Meeting" ADD COLUMN "trackerItem" TEXT;
