-- PostgreSQL twin of prisma/migrations/20261122150000_report_indexes/migration.sql (same name, same effect).

-- CreateIndex
CREATE INDEX "FitCheck_checkedOn_idx" ON "FitCheck"("checkedOn");

-- CreateIndex
CREATE INDEX "Pair_startDate_endDate_activatedAt_endedAt_status_idx" ON "Pair"("startDate", "endDate", "activatedAt", "endedAt", "status");

-- CreateIndex
CREATE INDEX "Pair_endedAt_idx" ON "Pair"("endedAt");

-- CreateIndex
CREATE INDEX "Pair_activatedAt_participantId_idx" ON "Pair"("activatedAt", "participantId");

-- CreateIndex
CREATE INDEX "Referral_referralDate_idx" ON "Referral"("referralDate");

-- CreateIndex
CREATE INDEX "VolunteerProfile_createdAt_idx" ON "VolunteerProfile"("createdAt");
