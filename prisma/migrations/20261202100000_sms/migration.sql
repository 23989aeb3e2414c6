-- Text messages to and from participants (#20): SMS outbox/inbox, consent to texts, opt-out, meeting answers.
-- AlterTable
ALTER TABLE "Participant" ADD COLUMN "smsOptedOutAt" DATETIME;

-- AlterTable
ALTER TABLE "Meeting" ADD COLUMN "participantAnswer" TEXT;
ALTER TABLE "Meeting" ADD COLUMN "participantAnswerVia" TEXT;
ALTER TABLE "Meeting" ADD COLUMN "participantAnsweredAt" DATETIME;

-- CreateTable
CREATE TABLE "SmsMessage" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "direction" TEXT NOT NULL,
    "idempotencyKey" TEXT,
    "kind" TEXT NOT NULL,
    "participantId" TEXT,
    "pairId" TEXT,
    "meetingId" TEXT,
    "sentById" TEXT,
    "phone" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "encoding" TEXT NOT NULL,
    "segments" INTEGER NOT NULL,
    "status" TEXT NOT NULL,
    "dueAt" DATETIME,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "leaseOwner" TEXT,
    "leaseUntil" DATETIME,
    "lastError" TEXT,
    "sentAt" DATETIME,
    "gatewayMessageIds" TEXT,
    "receiptStatus" TEXT,
    "receiptAt" DATETIME,
    "handledAt" DATETIME,
    "handledById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "SmsMessage_participantId_fkey" FOREIGN KEY ("participantId") REFERENCES "Participant" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "SmsMessage_pairId_fkey" FOREIGN KEY ("pairId") REFERENCES "Pair" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "SmsMessage_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Meeting" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "SmsMessage_sentById_fkey" FOREIGN KEY ("sentById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "SmsMessage_handledById_fkey" FOREIGN KEY ("handledById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- AlterTable (ADD COLUMN, not a table rebuild: the Consent data-version triggers stay)
ALTER TABLE "Consent" ADD COLUMN "smsAllowed" BOOLEAN NOT NULL DEFAULT false;
ALTER TABLE "Consent" ADD COLUMN "volunteerMayText" BOOLEAN NOT NULL DEFAULT false;

-- CreateIndex
CREATE UNIQUE INDEX "SmsMessage_idempotencyKey_key" ON "SmsMessage"("idempotencyKey");

-- CreateIndex
CREATE INDEX "SmsMessage_direction_status_nextAttemptAt_idx" ON "SmsMessage"("direction", "status", "nextAttemptAt");

-- CreateIndex
CREATE INDEX "SmsMessage_participantId_createdAt_idx" ON "SmsMessage"("participantId", "createdAt");

-- CreateIndex
CREATE INDEX "SmsMessage_pairId_createdAt_idx" ON "SmsMessage"("pairId", "createdAt");

-- CreateIndex
CREATE INDEX "SmsMessage_phone_createdAt_idx" ON "SmsMessage"("phone", "createdAt");

-- CreateIndex
CREATE INDEX "SmsMessage_meetingId_idx" ON "SmsMessage"("meetingId");


-- CreateIndex
CREATE INDEX "SmsMessage_participantId_dueAt_idx" ON "SmsMessage"("participantId", "dueAt");
