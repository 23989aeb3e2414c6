-- The pair list's municipality filter and the search's places (#22) read the distinct release
-- municipalities from this index, a seek per place, instead of joining every pair.
CREATE INDEX "Participant_releaseMunicipality_idx" ON "Participant"("releaseMunicipality");
