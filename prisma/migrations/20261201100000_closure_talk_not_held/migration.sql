-- AlterTable
ALTER TABLE "Pair" ADD COLUMN "closureTalkNotHeldReason" TEXT;
