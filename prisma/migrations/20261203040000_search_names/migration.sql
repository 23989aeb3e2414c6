-- AlterTable
ALTER TABLE "VolunteerProfile" ADD COLUMN "searchName" TEXT;

-- CreateIndex
CREATE INDEX "VolunteerProfile_searchName_idx" ON "VolunteerProfile"("searchName");

-- As for participants (20261201150000_participant_search_name): a name changed without its
-- search key clears the key; the app fills it again before its next search.
CREATE TRIGGER "VolunteerProfile_name_clears_search_name" AFTER UPDATE OF "firstName", "lastName" ON "VolunteerProfile"
WHEN (NEW."firstName" IS NOT OLD."firstName" OR NEW."lastName" IS NOT OLD."lastName")
  AND NEW."searchName" IS OLD."searchName" AND NEW."searchName" IS NOT NULL
BEGIN
  UPDATE "VolunteerProfile" SET "searchName" = NULL WHERE "id" = NEW."id";
END;

-- The key now leaves out accents (é, ü, á, č), keeping å, æ and ø: the participants' keys are
-- made again, in JavaScript, before the next search.
UPDATE "Participant" SET "searchName" = NULL WHERE "searchName" IS NOT NULL;
