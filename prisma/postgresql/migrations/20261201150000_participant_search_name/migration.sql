-- PostgreSQL twin of prisma/migrations/20261201150000_participant_search_name/migration.sql (same name, same effect).

-- AlterTable
ALTER TABLE "Participant" ADD COLUMN     "searchName" TEXT;

-- CreateIndex
CREATE INDEX "Participant_searchName_idx" ON "Participant"("searchName");

-- A name changed without its search key (an edit, the anonymisation, SQL by hand) clears the
-- key, so a search never finds a participant by a name they no longer have; the app fills it
-- again in JavaScript (Unicode case folding) before its next search. SQLite's form updates the
-- row after the fact; PostgreSQL's clears the key in the row being written.
CREATE FUNCTION "participant_name_clears_search_name"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW."searchName" := NULL;
  RETURN NEW;
END;
$$;

CREATE TRIGGER "Participant_name_clears_search_name" BEFORE UPDATE OF "firstName", "lastName" ON "Participant"
  FOR EACH ROW
  WHEN ((NEW."firstName" IS DISTINCT FROM OLD."firstName" OR NEW."lastName" IS DISTINCT FROM OLD."lastName")
    AND NEW."searchName" IS NOT DISTINCT FROM OLD."searchName" AND NEW."searchName" IS NOT NULL)
  EXECUTE FUNCTION "participant_name_clears_search_name"();
