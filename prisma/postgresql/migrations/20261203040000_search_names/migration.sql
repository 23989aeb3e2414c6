-- PostgreSQL twin of prisma/migrations/20261203040000_search_names/migration.sql (same name, same effect).

-- AlterTable
ALTER TABLE "VolunteerProfile" ADD COLUMN     "searchName" TEXT;

-- CreateIndex
CREATE INDEX "VolunteerProfile_searchName_idx" ON "VolunteerProfile"("searchName");

-- As for participants (20261201150000_participant_search_name): a name changed without its
-- search key clears the key; the app fills it again (in JavaScript, the same folding on both
-- databases: case, and accents other than å, æ and ø) before its next search. SQLite's form
-- updates the row after the fact; PostgreSQL's clears the key in the row being written, with
-- the participants' function.
CREATE TRIGGER "VolunteerProfile_name_clears_search_name" BEFORE UPDATE OF "firstName", "lastName" ON "VolunteerProfile"
  FOR EACH ROW
  WHEN ((NEW."firstName" IS DISTINCT FROM OLD."firstName" OR NEW."lastName" IS DISTINCT FROM OLD."lastName")
    AND NEW."searchName" IS NOT DISTINCT FROM OLD."searchName" AND NEW."searchName" IS NOT NULL)
  EXECUTE FUNCTION "participant_name_clears_search_name"();

-- The key now leaves out accents (é, ü, á, č), keeping å, æ and ø: the participants' keys are
-- made again, in JavaScript, before the next search.
UPDATE "Participant" SET "searchName" = NULL WHERE "searchName" IS NOT NULL;
