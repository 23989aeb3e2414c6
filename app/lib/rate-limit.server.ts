import type { Tx } from './db.server';
import { currentTime } from '~/lib/clock';

export interface RateLimit {
  bucket: string;
  /** How many recorded events within the window are allowed before the next is refused. */
  max: number;
  windowMs: number;
}

/** Failures are counted in the database so that every app instance sees the same numbers. */
export async function isLimited(db: Tx, limit: RateLimit, key: string, now = currentTime()): Promise<boolean> {
  const since = new Date(now.getTime() - limit.windowMs);
  const count = await db.rateLimitEvent.count({ where: { bucket: limit.bucket, key, createdAt: { gte: since } } });
  return count >= limit.max;
}

export async function recordEvent(db: Tx, limit: RateLimit, key: string, now = currentTime()): Promise<void> {
  await db.rateLimitEvent.create({ data: { bucket: limit.bucket, key, createdAt: now } });
}

/**
 * Takes one place in the window before the attempt is checked, so that parallel attempts
 * cannot all pass a count taken before any of them was recorded: the row is inserted first
 * (committed on its own, outside any transaction), then the window is counted with it. The
 * k-th insert always counts at least k rows, so at most `max` attempts get a place, on SQLite
 * and PostgreSQL alike, whatever the number of instances. An attempt over the limit withdraws
 * its row, so refusals do not extend the lock. A failed attempt keeps its place (it is the
 * failure's record); a successful one gives it back with `releaseAttempt`.
 */
export async function reserveAttempt(
  db: Tx,
  limit: RateLimit,
  key: string,
  now = currentTime(),
): Promise<{ ok: true; id: string } | { ok: false }> {
  const row = await db.rateLimitEvent.create({ data: { bucket: limit.bucket, key, createdAt: now }, select: { id: true } });
  const since = new Date(now.getTime() - limit.windowMs);
  const count = await db.rateLimitEvent.count({ where: { bucket: limit.bucket, key, createdAt: { gte: since } } });
  if (count <= limit.max) return { ok: true, id: row.id };
  await db.rateLimitEvent.deleteMany({ where: { id: row.id } });
  return { ok: false };
}

export async function releaseAttempt(db: Tx, id: string): Promise<void> {
  await db.rateLimitEvent.deleteMany({ where: { id } });
}

export async function clearEvents(db: Tx, limit: RateLimit, key: string): Promise<void> {
  await db.rateLimitEvent.deleteMany({ where: { bucket: limit.bucket, key } });
}

/** Minutes until the oldest counted event leaves the window. */
export async function minutesUntilFree(db: Tx, limit: RateLimit, key: string, now = currentTime()): Promise<number> {
  const since = new Date(now.getTime() - limit.windowMs);
  const oldest = await db.rateLimitEvent.findFirst({
    where: { bucket: limit.bucket, key, createdAt: { gte: since } },
    orderBy: { createdAt: 'asc' },
  });
  if (!oldest) return 0;
  return Math.max(1, Math.ceil((oldest.createdAt.getTime() + limit.windowMs - now.getTime()) / 60_000));
}

export function clientAddress(request: Request): string {
  // Set by the server from the socket (app/server.ts); a forwarded header is trusted only there.
  return request.headers.get('x-brobygger-client-ip') ?? 'unknown';
}
