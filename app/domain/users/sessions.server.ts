import { audit } from '~/lib/audit.server';
import { db } from '~/lib/db.server';
import { createSession, destroyAllSessions, destroySession, markSessionVerified } from '~/lib/session.server';

/** Opens a session for a user who gave the right password; returns its Set-Cookie header. */
export async function openSession(request: Request, userId: string): Promise<string> {
  return db.$transaction(async (tx) => {
    const cookie = await createSession(tx, userId, request);
    await audit(tx, request, { actorId: userId, action: 'SIGN_IN', entityType: 'USER', entityId: userId });
    return cookie;
  });
}

/**
 * A new account's first session, right after accepting its invitation: the account's CREATE
 * row is its audit trail. Returns its Set-Cookie header.
 */
export function openFirstSession(request: Request, userId: string): Promise<string> {
  return createSession(db, userId, request);
}

/** Marks the request's session as past the second factor, with how it was passed. */
export async function completeSecondFactor(request: Request, userId: string, method: 'totp' | 'recovery'): Promise<void> {
  await db.$transaction(async (tx) => {
    await markSessionVerified(tx, request);
    await audit(tx, request, {
      actorId: userId,
      action: 'SIGN_IN',
      entityType: 'USER',
      entityId: userId,
      detail: { secondFactor: method },
    });
  });
}

/** Ends the request's session (and says so in the audit trail when someone was signed in); returns the clearing cookie. */
export async function closeSession(request: Request, userId: string | null): Promise<string> {
  return db.$transaction(async (tx) => {
    const cookie = await destroySession(tx, request);
    if (userId) await audit(tx, request, { actorId: userId, action: 'SIGN_OUT', entityType: 'USER', entityId: userId });
    return cookie;
  });
}

/** Ends every session of the user, this one included; returns the clearing cookie. */
export async function signOutEverywhere(request: Request, userId: string): Promise<string> {
  return db.$transaction(async (tx) => {
    await destroyAllSessions(tx, userId);
    await audit(tx, request, { actorId: userId, action: 'SIGN_OUT', entityType: 'USER', entityId: userId, detail: { everywhere: true } });
    return destroySession(tx, request);
  });
}
