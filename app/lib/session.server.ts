import crypto from 'node:crypto';
import { createCookie } from '@remix-run/node';
import { z } from 'zod';
import { Prisma } from '~/generated/prisma/client';
import type { Tx } from './db.server';
import { queryFirst, sqlDate } from './sql.server';
import { env } from './env.server';
import { currentTime } from '~/lib/clock';

/** Sessions end 12 hours after sign-in at the latest, and after 30 minutes without use. */
export const SESSION_ABSOLUTE_MS = 12 * 60 * 60 * 1000;
export const SESSION_IDLE_MS = 30 * 60 * 1000;
// lastSeenAt is refreshed at most this often, so reading a page is not a write each time.
const TOUCH_INTERVAL_MS = 60 * 1000;

const sessionCookie = createCookie('bb_session', {
  httpOnly: true,
  sameSite: 'lax',
  path: '/',
  secure: env().secureCookies,
  secrets: [env().SESSION_SECRET],
  maxAge: SESSION_ABSOLUTE_MS / 1000,
});

function hashToken(token: string): string {
  return crypto.createHash('sha256').update(token).digest('hex');
}

/** Creates a database session and returns the Set-Cookie header that carries its token. */
export async function createSession(db: Tx, userId: string, request: Request, now = currentTime()): Promise<string> {
  const token = crypto.randomBytes(32).toString('base64url');
  await db.session.create({
    data: {
      id: hashToken(token),
      userId,
      createdAt: now,
      lastSeenAt: now,
      expiresAt: new Date(now.getTime() + SESSION_ABSOLUTE_MS),
      ip: request.headers.get('x-brobygger-client-ip'),
      userAgent: request.headers.get('user-agent')?.slice(0, 300) ?? null,
    },
  });
  return sessionCookie.serialize(token);
}

async function readToken(request: Request): Promise<string | null> {
  const value: unknown = await sessionCookie.parse(request.headers.get('cookie'));
  return typeof value === 'string' && value.length > 0 ? value : null;
}

const sessionRow = z.object({
  id: z.string(),
  lastSeenAt: sqlDate,
  expiresAt: sqlDate,
  verifiedAt: sqlDate.nullable(),
  userId: z.string(),
  email: z.string(),
  name: z.string(),
  role: z.string(),
  language: z.string(),
  notificationMode: z.string(),
  deactivatedAt: sqlDate.nullable(),
  totpEnabledAt: sqlDate.nullable(),
});

/** The live session of a request with its user, or null (unknown, expired, idle, or user deactivated). */
export async function findSession(db: Tx, request: Request, now = currentTime()) {
  const token = await readToken(request);
  if (!token) return null;
  // Every signed-in request runs this: one raw join costs a quarter of the two queries Prisma's
  // query API makes for a session with its user (measured in docs/performance.md).
  const row = await queryFirst(
    db,
    sessionRow,
    Prisma.sql`
    SELECT s."id", s."lastSeenAt", s."expiresAt", s."verifiedAt",
      u."id" AS "userId", u."email", u."name", u."role", u."language", u."notificationMode", u."deactivatedAt", u."totpEnabledAt"
    FROM "Session" s JOIN "User" u ON u."id" = s."userId"
    WHERE s."id" = ${hashToken(token)}`,
  );
  const session = row
    ? {
        id: row.id,
        lastSeenAt: row.lastSeenAt,
        expiresAt: row.expiresAt,
        verifiedAt: row.verifiedAt,
        user: {
          id: row.userId,
          email: row.email,
          name: row.name,
          role: row.role,
          language: row.language,
          notificationMode: row.notificationMode,
          deactivatedAt: row.deactivatedAt,
          totpEnabledAt: row.totpEnabledAt,
        },
      }
    : null;
  if (!session) return null;
  const idle = now.getTime() - session.lastSeenAt.getTime() > SESSION_IDLE_MS;
  if (session.expiresAt <= now || idle || session.user.deactivatedAt) {
    await db.session.deleteMany({ where: { id: session.id } });
    return null;
  }
  if (now.getTime() - session.lastSeenAt.getTime() > TOUCH_INTERVAL_MS) {
    await db.session.updateMany({ where: { id: session.id }, data: { lastSeenAt: now } });
  }
  return session;
}

/** Deletes the request's session; returns the Set-Cookie header that clears the cookie. */
export async function destroySession(db: Tx, request: Request): Promise<string> {
  const token = await readToken(request);
  if (token) await db.session.deleteMany({ where: { id: hashToken(token) } });
  return sessionCookie.serialize('', { maxAge: 0, expires: new Date(0) });
}

/** Ends every other session of the user (after a password change), keeping the request's own. */
export async function destroyOtherSessions(db: Tx, request: Request, userId: string): Promise<void> {
  const token = await readToken(request);
  await db.session.deleteMany({ where: { userId, ...(token ? { id: { not: hashToken(token) } } : {}) } });
}

export async function destroyAllSessions(db: Tx, userId: string): Promise<void> {
  await db.session.deleteMany({ where: { userId } });
}

/** Records that the request's session passed the second factor. */
export async function markSessionVerified(db: Tx, request: Request, now = currentTime()): Promise<void> {
  const token = await readToken(request);
  if (token) await db.session.updateMany({ where: { id: hashToken(token) }, data: { verifiedAt: now } });
}
