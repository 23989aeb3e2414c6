import type { User } from '~/generated/prisma/client';
import { db } from '~/lib/db.server';
import { verifyPassword } from '~/lib/password.server';
import { clearEvents, minutesUntilFree, releaseAttempt, reserveAttempt, type RateLimit } from '~/lib/rate-limit.server';
import { safeRedirect } from '~/lib/auth.server';
import { currentTime } from '~/lib/clock';
import { env } from '~/lib/env.server';
import { SECOND_FACTOR_PATHS, secondFactorStep } from '~/lib/second-factor';
import { errorMessage } from '~/lib/form-errors';
import { emailField } from '~/lib/validation';
import { z } from 'zod';
import { HOME_BY_ROLE, roleSchema } from '~/lib/roles';
import { openSession } from './sessions.server';

/**
 * The sign-in form. It is checked on the server only (the page sends no schema library to
 * the browser); the errors come back next to the fields.
 */
export const signInFormSchema = z.object({
  email: emailField,
  password: z
    .string({ error: errorMessage('form.required') })
    .min(1, { error: errorMessage('form.required') })
    .max(1000),
  redirectTo: z.string().optional(),
});

/**
 * After a right password: a new session (audited) and the page to go to next, the second-factor
 * step the account still needs or else `redirectTo` (within the app) or the role's home.
 */
export async function startSignedInSession(
  request: Request,
  user: User,
  redirectTo: string | undefined,
): Promise<{ cookie: string; location: string }> {
  const cookie = await openSession(request, user.id);
  const target = safeRedirect(redirectTo, homeOf(user.role));
  const step = secondFactorStep(user, { verifiedAt: null }, env().DEMO_MODE);
  const location =
    step === 'verify'
      ? `${SECOND_FACTOR_PATHS.verify}?${new URLSearchParams({ redirectTo: target })}`
      : step
        ? SECOND_FACTOR_PATHS[step]
        : target;
  return { cookie, location };
}

/** Where a role lands after signing in. */
export function homeOf(role: string): string {
  return HOME_BY_ROLE[roleSchema.parse(role)];
}

/** Ten failures for one account within 15 minutes: the eleventh attempt is refused. */
export const ACCOUNT_LIMIT: RateLimit = { bucket: 'login:account', max: 10, windowMs: 15 * 60 * 1000 };
/** Fifty failures from one address within 15 minutes, whatever the accounts. */
export const ADDRESS_LIMIT: RateLimit = { bucket: 'login:ip', max: 50, windowMs: 15 * 60 * 1000 };

export type SignInResult = { ok: true; user: User } | { ok: false; reason: 'invalid' } | { ok: false; reason: 'limited'; minutes: number };

export async function signIn(input: { email: string; password: string; address: string }, now = currentTime()): Promise<SignInResult> {
  const email = input.email.trim().toLowerCase();
  // A place in both windows is taken before the password is checked (see reserveAttempt), so
  // parallel guesses cannot all be checked: at most the limit are, the rest are refused.
  const account = await reserveAttempt(db, ACCOUNT_LIMIT, email, now);
  if (!account.ok) return { ok: false, reason: 'limited', minutes: await minutesUntilFree(db, ACCOUNT_LIMIT, email, now) };
  const address = await reserveAttempt(db, ADDRESS_LIMIT, input.address, now);
  if (!address.ok) {
    await releaseAttempt(db, account.id);
    return { ok: false, reason: 'limited', minutes: await minutesUntilFree(db, ADDRESS_LIMIT, input.address, now) };
  }
  const user = await db.user.findUnique({ where: { email } });
  const valid = await verifyPassword(user?.passwordHash, input.password);
  if (!user || !valid || user.deactivatedAt) {
    // Both reservations stay: they are this failure's records.
    return { ok: false, reason: 'invalid' };
  }
  await clearEvents(db, ACCOUNT_LIMIT, email);
  await releaseAttempt(db, address.id);
  await db.user.update({ where: { id: user.id }, data: { lastLoginAt: now } });
  return { ok: true, user };
}
