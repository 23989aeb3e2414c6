-- PostgreSQL twin of prisma/migrations/20261203100000_services_tracker/migration.sql (same name, same effect).
-- Services (#21, decision 024): the release checklist becomes the services tracker; a meeting can be an accompaniment.
-- AlterTable
ALTER TABLE "Meeting" ADD COLUMN     "accompanimentKind" TEXT,
ADD COLUMN     "trackerItem" TEXT;

-- AlterTable
ALTER TABLE "ReleaseChecklistItem" ADD COLUMN     "confirmedAt" TIMESTAMP(3),
ADD COLUMN     "confirmedById" TEXT,
ADD COLUMN     "ownerRole" TEXT;

-- CreateIndex
CREATE INDEX "ReleaseChecklistItem_confirmedById_idx" ON "ReleaseChecklistItem"("confirmedById");

-- AddForeignKey
ALTER TABLE "ReleaseChecklistItem" ADD CONSTRAINT "ReleaseChecklistItem_confirmedById_fkey" FOREIGN KEY ("confirmedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- An item already DONE was confirmed by whoever last changed it, when they did.
UPDATE "ReleaseChecklistItem" SET "confirmedById" = "updatedById", "confirmedAt" = "updatedAt" WHERE "status" = 'DONE';
