-- PostgreSQL twin of prisma/migrations/20261201160000_calendar_token_hash/migration.sql (same name, same effect).

-- DropIndex
DROP INDEX "User_calendarToken_key";

-- AlterTable
ALTER TABLE "User" DROP COLUMN "calendarToken",
ADD COLUMN     "calendarTokenHash" TEXT,
ADD COLUMN     "calendarTokenSalt" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "User_calendarTokenHash_key" ON "User"("calendarTokenHash");
