-- Calendar feed tokens are stored hashed, like session tokens. SQLite has no SHA-256 in SQL,
-- and the new tokens are derived (HMAC of SESSION_SECRET), so existing feed addresses are
-- invalidated: a volunteer makes a new one on /me (docs/decisions/010-hashed-calendar-tokens.md).
DROP INDEX "User_calendarToken_key";
ALTER TABLE "User" DROP COLUMN "calendarToken";
ALTER TABLE "User" ADD COLUMN "calendarTokenHash" TEXT;
ALTER TABLE "User" ADD COLUMN "calendarTokenSalt" TEXT;
CREATE UNIQUE INDEX "User_calendarTokenHash_key" ON "User"("calendarTokenHash");
