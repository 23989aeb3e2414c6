import { audit } from '~/lib/audit.server';
import { db } from '~/lib/db.server';
import { hashPassword, verifyPassword } from '~/lib/password.server';
import { destroyOtherSessions } from '~/lib/session.server';

export type PasswordChange = 'changed' | 'currentWrong';

/**
 * Changes a user's password when the current one is right: the new hash, the end of every
 * other session and the audit row in one transaction. The request's own session stays.
 */
export async function changePassword(
  request: Request,
  userId: string,
  input: { currentPassword: string; password: string },
): Promise<PasswordChange> {
  const row = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { passwordHash: true } });
  if (!(await verifyPassword(row.passwordHash, input.currentPassword))) return 'currentWrong';
  const passwordHash = await hashPassword(input.password);
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: userId }, data: { passwordHash } });
    await destroyOtherSessions(tx, request, userId);
    await audit(tx, request, { actorId: userId, action: 'UPDATE', entityType: 'USER', entityId: userId, detail: { password: true } });
  });
  return 'changed';
}
