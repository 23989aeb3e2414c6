-- PostgreSQL twin of prisma/migrations/20261203120000_sms_inbound_key/migration.sql (same name, same effect).
-- AlterTable
ALTER TABLE "SmsMessage" ADD COLUMN     "inboundKey" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "SmsMessage_inboundKey_key" ON "SmsMessage"("inboundKey");
