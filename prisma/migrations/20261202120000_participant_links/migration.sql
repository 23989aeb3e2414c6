-- CreateTable
CREATE TABLE "ParticipantLink" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "pairId" TEXT NOT NULL,
    "purpose" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "salt" TEXT NOT NULL,
    "dueKey" TEXT,
    "expiresAt" DATETIME NOT NULL,
    "usedAt" DATETIME,
    "revokedAt" DATETIME,
    "deliveredVia" TEXT,
    "issuedById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "ParticipantLink_pairId_fkey" FOREIGN KEY ("pairId") REFERENCES "Pair" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ParticipantLink_issuedById_fkey" FOREIGN KEY ("issuedById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ParticipantAnswer" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "linkId" TEXT NOT NULL,
    "pairId" TEXT NOT NULL,
    "purpose" TEXT NOT NULL,
    "answeredOn" TEXT NOT NULL,
    "scores" JSONB NOT NULL,
    "meanScore" REAL NOT NULL,
    "comment" TEXT,
    "lowScore" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "ParticipantAnswer_linkId_fkey" FOREIGN KEY ("linkId") REFERENCES "ParticipantLink" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ParticipantAnswer_pairId_fkey" FOREIGN KEY ("pairId") REFERENCES "Pair" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "ParticipantLink_tokenHash_key" ON "ParticipantLink"("tokenHash");

-- CreateIndex
CREATE UNIQUE INDEX "ParticipantLink_dueKey_key" ON "ParticipantLink"("dueKey");

-- CreateIndex
CREATE INDEX "ParticipantLink_pairId_purpose_idx" ON "ParticipantLink"("pairId", "purpose");

-- CreateIndex
CREATE INDEX "ParticipantLink_issuedById_idx" ON "ParticipantLink"("issuedById");

-- CreateIndex
CREATE UNIQUE INDEX "ParticipantAnswer_linkId_key" ON "ParticipantAnswer"("linkId");

-- CreateIndex
CREATE INDEX "ParticipantAnswer_pairId_purpose_answeredOn_idx" ON "ParticipantAnswer"("pairId", "purpose", "answeredOn");

-- CreateIndex
CREATE INDEX "ParticipantAnswer_purpose_answeredOn_idx" ON "ParticipantAnswer"("purpose", "answeredOn");


-- Cached views (decision 007) notice changes to these tables.
CREATE TRIGGER "ParticipantLink_insert_data_version" AFTER INSERT ON "ParticipantLink" BEGIN
  INSERT INTO "DataVersion" ("id", "version") VALUES (1, 1) ON CONFLICT ("id") DO UPDATE SET "version" = "DataVersion"."version" + 1;
END;
CREATE TRIGGER "ParticipantLink_update_data_version" AFTER UPDATE ON "ParticipantLink" BEGIN
  INSERT INTO "DataVersion" ("id", "version") VALUES (1, 1) ON CONFLICT ("id") DO UPDATE SET "version" = "DataVersion"."version" + 1;
END;
CREATE TRIGGER "ParticipantLink_delete_data_version" AFTER DELETE ON "ParticipantLink" BEGIN
  INSERT INTO "DataVersion" ("id", "version") VALUES (1, 1) ON CONFLICT ("id") DO UPDATE SET "version" = "DataVersion"."version" + 1;
END;
CREATE TRIGGER "ParticipantAnswer_insert_data_version" AFTER INSERT ON "ParticipantAnswer" BEGIN
  INSERT INTO "DataVersion" ("id", "version") VALUES (1, 1) ON CONFLICT ("id") DO UPDATE SET "version" = "DataVersion"."version" + 1;
END;
CREATE TRIGGER "ParticipantAnswer_update_data_version" AFTER UPDATE ON "ParticipantAnswer" BEGIN
  INSERT INTO "DataVersion" ("id", "version") VALUES (1, 1) ON CONFLICT ("id") DO UPDATE SET "version" = "DataVersion"."version" + 1;
END;
CREATE TRIGGER "ParticipantAnswer_delete_data_version" AFTER DELETE ON "ParticipantAnswer" BEGIN
  INSERT INTO "DataVersion" ("id", "version") VALUES (1, 1) ON CONFLICT ("id") DO UPDATE SET "version" = "DataVersion"."version" + 1;
END;
