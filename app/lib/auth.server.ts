import { redirect } from '@remix-run/node';
import type { User } from '~/generated/prisma/client';
import { SECOND_FACTOR_PATHS, secondFactorStep, type SecondFactorStep } from './second-factor';
import { roleSchema, type Role } from './roles';
import { db } from './db.server';
import { env } from './env.server';
import { can, forbidden, type Capability } from './permissions.server';
import { findSession } from './session.server';

export type SessionUser = Pick<User, 'id' | 'email' | 'name' | 'language' | 'notificationMode'> & { role: Role };

function toSessionUser(user: Pick<User, 'id' | 'email' | 'name' | 'role' | 'language' | 'notificationMode'>): SessionUser {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: roleSchema.parse(user.role),
    language: user.language,
    notificationMode: user.notificationMode,
  };
}

type FoundUser = { user: SessionUser; step: SecondFactorStep } | null;

async function lookUpSessionUser(request: Request): Promise<FoundUser> {
  const session = await findSession(db, request);
  if (!session) return null;
  return { user: toSessionUser(session.user), step: secondFactorStep(session.user, session, env().DEMO_MODE) };
}

// The root loader and the page's loader ask for the user of the same Request object: one lookup
// serves both. Loaders after an action get a new Request, so they see what the action changed.
const sessionUsers = new WeakMap<Request, Promise<FoundUser>>();

function getSessionUser(request: Request): Promise<FoundUser> {
  let found = sessionUsers.get(request);
  if (!found) {
    found = lookUpSessionUser(request);
    sessionUsers.set(request, found);
  }
  return found;
}

/** The signed-in user, or null (also while a coordinator has still to pass the second factor). */
export async function getUser(request: Request): Promise<SessionUser | null> {
  const found = await getSessionUser(request);
  return found && found.step !== 'verify' ? found.user : null;
}

interface Requirement {
  /** What the user must be allowed to do; roles are asked through the capability map only. */
  capability?: Capability;
  /** Only the second-factor pages themselves: let a session through that is at this step. */
  secondFactor?: Exclude<SecondFactorStep, null>;
}

/**
 * The first line of every protected loader and action. Throws a redirect to /login for an
 * anonymous visitor, a redirect to the second-factor step for a coordinator who has not passed it,
 * and a 403 for a signed-in user whose role lacks the capability; never returns an error.
 */
export async function requireUser(request: Request, requirement: Requirement = {}): Promise<SessionUser> {
  const found = await getSessionUser(request);
  if (!found) {
    const url = new URL(request.url);
    const redirectTo = `${url.pathname}${url.search}`;
    throw redirect(`/login?${new URLSearchParams({ redirectTo })}`);
  }
  const { user, step } = found;
  // A coordinator who has not passed (or set up) the second factor reaches only that step.
  if (step && step !== requirement.secondFactor) throw redirect(SECOND_FACTOR_PATHS[step]);
  if (requirement.capability && !can(user.role, requirement.capability)) forbidden();
  return user;
}

// A plain same-site path: one leading "/", then printable ASCII only (no control characters,
// whitespace or characters a Location header cannot carry).
const PLAIN_PATH = /^\/[\x21-\x7e]*$/;

/**
 * Only plain same-site paths are followed after sign-in; anything else gives the fallback
 * (the role's home). Refused: "//host", "/\\host", a tab or newline that browsers strip
 * ("/\t/host"), encoded slashes or backslashes ("/%2f%2fhost", "/%5chost"), and any character a
 * redirect header cannot hold, so a strange value never becomes a 500 after the session was made.
 */
export function safeRedirect(target: FormDataEntryValue | string | null | undefined, fallback: string): string {
  if (typeof target !== 'string' || !PLAIN_PATH.test(target)) return fallback;
  if (target.includes('//') || target.includes('\\') || /%(2f|5c|0[0-9a-f]|1[0-9a-f]|7f)/i.test(target)) return fallback;
  const base = 'http://same-site.invalid';
  const resolved = new URL(target, base);
  if (resolved.origin !== base) return fallback;
  return target;
}
