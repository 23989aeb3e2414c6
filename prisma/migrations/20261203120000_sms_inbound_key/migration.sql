-- An inbound text's id at the SMSC, when the deliver_sm carries one: a gateway that delivers the
-- same text again (its response was lost) finds the row by it instead of making a second one.
ALTER TABLE "SmsMessage" ADD COLUMN "inboundKey" TEXT;

CREATE UNIQUE INDEX "SmsMessage_inboundKey_key" ON "SmsMessage"("inboundKey");
