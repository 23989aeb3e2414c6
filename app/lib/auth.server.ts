import { redirect } from '@remix-run/node';
import type { User } from '~/generated/prisma/client';
import { roleSchema, type Role } from '~/domain/users/roles';
import { db } from './db.server';
import { can, forbidden, type Capability } from './permissions.server';
import { findSession } from './session.server';

export type SessionUser = Pick<User, 'id' | 'email' | 'name' | 'language' | 'notificationMode'> & { role: Role };

function toSessionUser(user: User): SessionUser {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: roleSchema.parse(user.role),
    language: user.language,
    notificationMode: user.notificationMode,
  };
}

/** The signed-in user, or null. */
export async function getUser(request: Request): Promise<SessionUser | null> {
  const session = await findSession(db, request);
  return session ? toSessionUser(session.user) : null;
}

interface Requirement {
  role?: Role | readonly Role[];
  capability?: Capability;
}

/**
 * The first line of every protected loader and action. Throws a redirect to /login for an
 * anonymous visitor and a 403 for a signed-in user of the wrong role; never returns an error.
 */
export async function requireUser(request: Request, requirement: Requirement = {}): Promise<SessionUser> {
  const user = await getUser(request);
  if (!user) {
    const url = new URL(request.url);
    const redirectTo = `${url.pathname}${url.search}`;
    throw redirect(`/login?${new URLSearchParams({ redirectTo })}`);
  }
  const roles = requirement.role === undefined ? undefined : ([] as Role[]).concat(requirement.role);
  if (roles && !roles.includes(user.role)) forbidden();
  if (requirement.capability && !can(user.role, requirement.capability)) forbidden();
  return user;
}

/** Only same-site relative paths are followed after sign-in. */
export function safeRedirect(target: FormDataEntryValue | string | null | undefined, fallback: string): string {
  if (typeof target !== 'string' || !target.startsWith('/') || target.startsWith('//') || target.includes('\\')) {
    return fallback;
  }
  return target;
}
