-- PostgreSQL twin of prisma/migrations/20261202120000_participant_links/migration.sql (same name, same effect).

-- CreateTable
CREATE TABLE "ParticipantAnswer" (
    "id" TEXT NOT NULL,
    "linkId" TEXT NOT NULL,
    "pairId" TEXT NOT NULL,
    "purpose" TEXT NOT NULL,
    "answeredOn" TEXT NOT NULL,
    "scores" JSONB NOT NULL,
    "meanScore" DOUBLE PRECISION NOT NULL,
    "comment" TEXT,
    "lowScore" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ParticipantAnswer_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ParticipantLink" (
    "id" TEXT NOT NULL,
    "pairId" TEXT NOT NULL,
    "purpose" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "salt" TEXT NOT NULL,
    "dueKey" TEXT,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "usedAt" TIMESTAMP(3),
    "revokedAt" TIMESTAMP(3),
    "deliveredVia" TEXT,
    "issuedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ParticipantLink_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "ParticipantAnswer_linkId_key" ON "ParticipantAnswer"("linkId");

-- CreateIndex
CREATE INDEX "ParticipantAnswer_purpose_answeredOn_idx" ON "ParticipantAnswer"("purpose", "answeredOn");

-- CreateIndex
CREATE INDEX "ParticipantAnswer_pairId_purpose_answeredOn_idx" ON "ParticipantAnswer"("pairId", "purpose", "answeredOn");

-- CreateIndex
CREATE UNIQUE INDEX "ParticipantLink_tokenHash_key" ON "ParticipantLink"("tokenHash");

-- CreateIndex
CREATE UNIQUE INDEX "ParticipantLink_dueKey_key" ON "ParticipantLink"("dueKey");

-- CreateIndex
CREATE INDEX "ParticipantLink_issuedById_idx" ON "ParticipantLink"("issuedById");

-- CreateIndex
CREATE INDEX "ParticipantLink_pairId_purpose_idx" ON "ParticipantLink"("pairId", "purpose");

-- AddForeignKey
ALTER TABLE "ParticipantAnswer" ADD CONSTRAINT "ParticipantAnswer_pairId_fkey" FOREIGN KEY ("pairId") REFERENCES "Pair"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ParticipantAnswer" ADD CONSTRAINT "ParticipantAnswer_linkId_fkey" FOREIGN KEY ("linkId") REFERENCES "ParticipantLink"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ParticipantLink" ADD CONSTRAINT "ParticipantLink_issuedById_fkey" FOREIGN KEY ("issuedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ParticipantLink" ADD CONSTRAINT "ParticipantLink_pairId_fkey" FOREIGN KEY ("pairId") REFERENCES "Pair"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Cached views (decision 007) notice changes to these tables.
CREATE TRIGGER "ParticipantLink_data_version" AFTER INSERT OR UPDATE OR DELETE ON "ParticipantLink"
  FOR EACH ROW EXECUTE FUNCTION "bump_data_version"();
CREATE TRIGGER "ParticipantAnswer_data_version" AFTER INSERT OR UPDATE OR DELETE ON "ParticipantAnswer"
  FOR EACH ROW EXECUTE FUNCTION "bump_data_version"();
