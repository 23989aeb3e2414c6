import crypto from 'node:crypto';
import { audit } from '~/lib/audit.server';
import { db, type Tx } from '~/lib/db.server';
import { enqueueEmail } from '~/lib/email.server';
import type { Language } from '~/lib/i18n';
import { hashPassword } from '~/lib/password.server';
import { addDays, todayInOslo } from '~/lib/time';
import type { Role } from '~/lib/roles';
import { currentTime } from '~/lib/clock';
import { lockKey } from '~/lib/row-lock.server';

export const INVITATION_VALID_DAYS = 7;

function hashToken(token: string): string {
  return crypto.createHash('sha256').update(token).digest('hex');
}

export class EmailAlreadyUsedError extends Error {
  constructor() {
    super('A user with this email address already exists');
  }
}

/** A second invitation to the same address within this time is the same submit sent twice. */
const REPEAT_WINDOW_MS = 2 * 60 * 1000;

/**
 * Creates an invitation, its audit row and its email in the same transaction. The same
 * invitation sent twice (a double tap) is the first one, with one email: the check runs in the
 * write transaction, which holds SQLite's write lock from its start. Inviting again later (say
 * the email got lost) makes a new invitation.
 */
export async function createInvitation(
  tx: Tx,
  request: Request | null,
  input: { email: string; role: Role; language: Language; invitedById: string; volunteerId?: string },
  now = currentTime(),
) {
  const email = input.email.trim().toLowerCase();
  // PostgreSQL: two invitations of one address take turns (SQLite: the write lock already does).
  await lockKey(tx, `invitation:${email}`);
  if (await tx.user.findUnique({ where: { email } })) throw new EmailAlreadyUsedError();
  const repeat = await tx.invitation.findFirst({
    where: {
      email,
      role: input.role,
      invitedById: input.invitedById,
      volunteerId: input.volunteerId ?? null,
      acceptedAt: null,
      createdAt: { gt: new Date(now.getTime() - REPEAT_WINDOW_MS) },
    },
  });
  if (repeat) return repeat;
  const token = crypto.randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + INVITATION_VALID_DAYS * 24 * 60 * 60 * 1000);
  const invitation = await tx.invitation.create({
    data: {
      tokenHash: hashToken(token),
      email,
      role: input.role,
      language: input.language,
      invitedById: input.invitedById,
      volunteerId: input.volunteerId ?? null,
      expiresAt,
      createdAt: now,
    },
  });
  await enqueueEmail(tx, {
    to: email,
    template: 'invitation',
    data: { role: input.role, token, expiresOn: addDays(todayInOslo(now), INVITATION_VALID_DAYS) },
    language: input.language,
    idempotencyKey: `invitation:${invitation.id}`,
    urgent: true,
  });
  await audit(tx, request, {
    actorId: input.invitedById,
    action: 'CREATE',
    entityType: 'INVITATION',
    entityId: invitation.id,
    detail: input.volunteerId ? { volunteerId: input.volunteerId } : undefined,
  });
  return invitation;
}

/** Sends an invitation on its own (createInvitation composes inside a larger write). */
export function sendInvitation(request: Request | null, input: Parameters<typeof createInvitation>[2]) {
  return db.$transaction((tx) => createInvitation(tx, request, input));
}

/** An unused, unexpired invitation for a token, or null. */
export function findOpenInvitation(token: string, now = currentTime(), client: Tx = db) {
  return client.invitation.findFirst({
    where: { tokenHash: hashToken(token), acceptedAt: null, expiresAt: { gt: now } },
  });
}

/**
 * Turns an invitation into an account. Single use even under a double submit: the invitation
 * is marked accepted with a conditional update, and only the request that flips it goes on.
 */
export async function acceptInvitation(
  request: Request | null,
  token: string,
  input: { name: string; password: string },
  now = currentTime(),
) {
  const passwordHash = await hashPassword(input.password);
  return db.$transaction(async (tx) => {
    const invitation = await findOpenInvitation(token, now, tx);
    if (!invitation) return null;
    const claimed = await tx.invitation.updateMany({
      where: { id: invitation.id, acceptedAt: null },
      data: { acceptedAt: now },
    });
    if (claimed.count !== 1) return null;
    if (await tx.user.findUnique({ where: { email: invitation.email } })) throw new EmailAlreadyUsedError();
    const user = await tx.user.create({
      data: {
        email: invitation.email,
        name: input.name,
        role: invitation.role,
        language: invitation.language,
        passwordHash,
      },
    });
    if (invitation.volunteerId) {
      await tx.volunteerProfile.update({ where: { id: invitation.volunteerId }, data: { userId: user.id } });
    }
    await audit(tx, request, { actorId: user.id, action: 'CREATE', entityType: 'USER', entityId: user.id });
    return user;
  });
}
