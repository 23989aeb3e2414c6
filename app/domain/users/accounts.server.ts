import type { Db } from '~/lib/db.server';
import { audit } from '~/lib/audit.server';
import { destroyAllSessions } from '~/lib/session.server';
import { currentTime } from '~/lib/clock';

/** Deactivating a user ends all of their sessions at once. */
export async function setUserActive(
  db: Db,
  input: { userId: string; active: boolean; actorId: string; request: Request },
  now = currentTime(),
) {
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

export function listUsersAndInvitations(db: Db, now = currentTime()) {
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
