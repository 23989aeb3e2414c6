-- AlterTable
ALTER TABLE "Participant" ADD COLUMN "searchName" TEXT;

-- CreateIndex
CREATE INDEX "Participant_searchName_idx" ON "Participant"("searchName");

-- A name changed without its search key (an edit, the anonymisation, SQL by hand) clears the
-- key, so a search never finds a participant by a name they no longer have; the app fills it
-- again in JavaScript (Unicode case folding) before its next search. Existing rows start empty.
CREATE TRIGGER "Participant_name_clears_search_name" AFTER UPDATE OF "firstName", "lastName" ON "Participant"
WHEN (NEW."firstName" IS NOT OLD."firstName" OR NEW."lastName" IS NOT OLD."lastName")
  AND NEW."searchName" IS OLD."searchName" AND NEW."searchName" IS NOT NULL
BEGIN
  UPDATE "Participant" SET "searchName" = NULL WHERE "id" = NEW."id";
END;
