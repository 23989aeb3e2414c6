-- PostgreSQL twin of prisma/migrations/20261203130000_release_municipality_index/migration.sql (same name, same effect).
-- CreateIndex
CREATE INDEX "Participant_releaseMunicipality_idx" ON "Participant"("releaseMunicipality");
