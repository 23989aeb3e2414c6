-- PostgreSQL twin of prisma/migrations/20261202100000_sms/migration.sql (same name, same effect).

-- AlterTable
ALTER TABLE "Consent" ADD COLUMN     "smsAllowed" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "volunteerMayText" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "Meeting" ADD COLUMN     "participantAnswer" TEXT,
ADD COLUMN     "participantAnswerVia" TEXT,
ADD COLUMN     "participantAnsweredAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "Participant" ADD COLUMN     "smsOptedOutAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "SmsMessage" (
    "id" TEXT NOT NULL,
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
    "dueAt" TIMESTAMP(3),
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "leaseOwner" TEXT,
    "leaseUntil" TIMESTAMP(3),
    "lastError" TEXT,
    "sentAt" TIMESTAMP(3),
    "gatewayMessageIds" TEXT,
    "receiptStatus" TEXT,
    "receiptAt" TIMESTAMP(3),
    "handledAt" TIMESTAMP(3),
    "handledById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SmsMessage_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "SmsMessage_idempotencyKey_key" ON "SmsMessage"("idempotencyKey");

-- CreateIndex
CREATE INDEX "SmsMessage_participantId_dueAt_idx" ON "SmsMessage"("participantId", "dueAt");

-- CreateIndex
CREATE INDEX "SmsMessage_meetingId_idx" ON "SmsMessage"("meetingId");

-- CreateIndex
CREATE INDEX "SmsMessage_phone_createdAt_idx" ON "SmsMessage"("phone", "createdAt");

-- CreateIndex
CREATE INDEX "SmsMessage_pairId_createdAt_idx" ON "SmsMessage"("pairId", "createdAt");

-- CreateIndex
CREATE INDEX "SmsMessage_participantId_createdAt_idx" ON "SmsMessage"("participantId", "createdAt");

-- CreateIndex
CREATE INDEX "SmsMessage_direction_status_nextAttemptAt_idx" ON "SmsMessage"("direction", "status", "nextAttemptAt");

-- AddForeignKey
ALTER TABLE "SmsMessage" ADD CONSTRAINT "SmsMessage_handledById_fkey" FOREIGN KEY ("handledById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SmsMessage" ADD CONSTRAINT "SmsMessage_sentById_fkey" FOREIGN KEY ("sentById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SmsMessage" ADD CONSTRAINT "SmsMessage_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Meeting"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SmsMessage" ADD CONSTRAINT "SmsMessage_pairId_fkey" FOREIGN KEY ("pairId") REFERENCES "Pair"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SmsMessage" ADD CONSTRAINT "SmsMessage_participantId_fkey" FOREIGN KEY ("participantId") REFERENCES "Participant"("id") ON DELETE SET NULL ON UPDATE CASCADE;
