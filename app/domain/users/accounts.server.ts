import { db } from '~/lib/db.server';
import { audit } from '~/lib/audit.server';
import { destroyAllSessions } from '~/lib/session.server';
import { currentTime } from '~/lib/clock';
import type { Language } from '~/lib/i18n';
import type { NotificationMode } from './notification-modes';

/** Nobody deactivates (or reactivates) their own account: another coordinator must. */
export class OwnAccountError extends Error {}

/**
 * Deactivating a user ends all of their sessions at once. Null when there is no such user;
 * OwnAccountError when the actor names themselves.
 */
export async function setUserActive(input: { userId: string; active: boolean; actorId: string; request: Request }, now = currentTime()) {
  if (input.userId === input.actorId) throw new OwnAccountError();
  if (!(await db.user.findUnique({ where: { id: input.userId }, select: { id: true } }))) return null;
  return db.$transaction(async (tx) => {
    const user = await tx.user.update({
      where: { id: input.userId },
      data: { deactivatedAt: input.active ? null : now },
    });
    if (!input.active) await destroyAllSessions(tx, user.id);
    await audit(tx, input.request, {
      actorId: input.actorId,
      action: 'UPDATE',
      entityType: 'USER',
      entityId: user.id,
      detail: { active: input.active },
    });
    return user;
  });
}

/** A user's own choices: how they are notified and the language they read. */
export async function savePreferences(userId: string, input: { notificationMode: NotificationMode; language: Language }) {
  await db.user.update({ where: { id: userId }, data: { notificationMode: input.notificationMode, language: input.language } });
}

/** The language a signed-in user chose with the language switch. */
export async function saveLanguage(userId: string, language: Language) {
  await db.user.update({ where: { id: userId }, data: { language } });
}

export function listUsersAndInvitations(now = currentTime()) {
  return Promise.all([
    db.user.findMany({
      orderBy: [{ role: 'asc' }, { name: 'asc' }],
      select: { id: true, name: true, email: true, role: true, deactivatedAt: true, lastLoginAt: true },
    }),
    db.invitation.findMany({
      where: { acceptedAt: null, expiresAt: { gt: now } },
      orderBy: { createdAt: 'desc' },
      select: { id: true, email: true, role: true, expiresAt: true },
    }),
  ]);
}
