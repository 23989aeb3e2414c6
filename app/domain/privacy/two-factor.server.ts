import { Secret, TOTP } from 'otpauth';
import QRCode from 'qrcode';
import { audit } from '~/lib/audit.server';
import { db, type Tx } from '~/lib/db.server';
import { clearEvents, recordEvent, reserveAttempt, type RateLimit } from '~/lib/rate-limit.server';
import { markSessionVerified } from '~/lib/session.server';
import { generateRecoveryCodes, hashRecoveryCode, looksLikeTotp, mayTurnOffTwoFactor } from './two-factor';
import { currentTime } from '~/lib/clock';

const ISSUER = 'Brobygger';
/** Five wrong codes within 15 minutes lock the step for that account. */
export const SECOND_FACTOR_LIMIT: RateLimit = { bucket: 'totp:account', max: 5, windowMs: 15 * 60 * 1000 };
// A used time step is remembered (as a rate-limit row, pruned with them) so a code works once.
const USED_BUCKET = 'totp:used';

function totpFor(secret: string, email: string): TOTP {
  return new TOTP({ issuer: ISSUER, label: email, algorithm: 'SHA1', digits: 6, period: 30, secret: Secret.fromBase32(secret) });
}

export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

/** The otpauth:// address and its QR code (PNG data URL) for the setup page. */
export async function setupDetails(secret: string, email: string) {
  const uri = totpFor(secret, email).toString();
  return { uri, qrDataUrl: await QRCode.toDataURL(uri, { margin: 1, width: 220 }) };
}

/** The time step a code belongs to (±1 step of clock drift), or null. */
export function matchTotp(secret: string, email: string, code: string, now = currentTime()): number | null {
  const token = code.replace(/\s/g, '');
  const delta = totpFor(secret, email).validate({ token, timestamp: now.getTime(), window: 1 });
  return delta === null ? null : Math.floor(now.getTime() / 30_000) + delta;
}

/** Starts setup: a new, not yet enabled secret. */
export async function startTwoFactor(db: Tx, userId: string): Promise<string> {
  const secret = newTotpSecret();
  await db.user.update({ where: { id: userId }, data: { totpSecret: secret, totpEnabledAt: null, recoveryCodes: [] } });
  return secret;
}

/** Enables the second factor when the code matches the pending secret; returns the recovery codes (shown once). */
export async function enableTwoFactor(
  db: Tx,
  user: { id: string; email: string },
  code: string,
  now = currentTime(),
): Promise<string[] | null> {
  const row = await db.user.findUnique({ where: { id: user.id }, select: { totpSecret: true, totpEnabledAt: true } });
  if (!row?.totpSecret || row.totpEnabledAt) return null;
  const step = matchTotp(row.totpSecret, user.email, code, now);
  if (step === null) return null;
  await recordEvent(db, { bucket: USED_BUCKET, max: 1, windowMs: 0 }, `${user.id}:${step}`, now);
  const codes = generateRecoveryCodes();
  await db.user.update({ where: { id: user.id }, data: { totpEnabledAt: now, recoveryCodes: codes.map(hashRecoveryCode) } });
  return codes;
}

export async function disableTwoFactor(db: Tx, userId: string): Promise<void> {
  await db.user.update({ where: { id: userId }, data: { totpSecret: null, totpEnabledAt: null, recoveryCodes: [] } });
}

export type SecondFactorResult =
  { ok: true; method: 'totp' | 'recovery'; recoveryLeft: number } | { ok: false; reason: 'invalid' | 'limited' };

/**
 * Checks a code from the authenticator app or one of the recovery codes (used up on success).
 * A code already used is refused, and failures are rate limited per account.
 */
export async function checkSecondFactor(userId: string, code: string, now = currentTime()): Promise<SecondFactorResult> {
  // A place is reserved before the code is checked, so parallel guesses get at most the limit.
  const attempt = await reserveAttempt(db, SECOND_FACTOR_LIMIT, userId, now);
  if (!attempt.ok) return { ok: false, reason: 'limited' };
  const user = await db.user.findUnique({
    where: { id: userId },
    select: { email: true, totpSecret: true, totpEnabledAt: true, recoveryCodes: true },
  });
  if (!user?.totpSecret || !user.totpEnabledAt) return { ok: false, reason: 'invalid' };
  const stored = Array.isArray(user.recoveryCodes) ? (user.recoveryCodes as string[]) : [];
  if (looksLikeTotp(code)) {
    const step = matchTotp(user.totpSecret, user.email, code, now);
    const key = `${userId}:${step}`;
    if (step !== null && !(await db.rateLimitEvent.findFirst({ where: { bucket: USED_BUCKET, key } }))) {
      await recordEvent(db, { bucket: USED_BUCKET, max: 1, windowMs: 0 }, key, now);
      await clearEvents(db, SECOND_FACTOR_LIMIT, userId);
      return { ok: true, method: 'totp', recoveryLeft: stored.length };
    }
  } else {
    const hashed = hashRecoveryCode(code);
    if (stored.includes(hashed)) {
      const left = stored.filter((item) => item !== hashed);
      await db.user.update({ where: { id: userId }, data: { recoveryCodes: left } });
      await clearEvents(db, SECOND_FACTOR_LIMIT, userId);
      return { ok: true, method: 'recovery', recoveryLeft: left.length };
    }
  }
  // The reservation stays as this failure's record.
  return { ok: false, reason: 'invalid' };
}

/**
 * Turns the second factor on when the code matches the pending secret: the request's session
 * counts as verified and the change is audited. Returns the recovery codes (shown once), or null.
 */
export async function turnOnTwoFactor(request: Request, user: { id: string; email: string }, code: string): Promise<string[] | null> {
  return db.$transaction(async (tx) => {
    const codes = await enableTwoFactor(tx, user, code);
    if (!codes) return null;
    await markSessionVerified(tx, request);
    await audit(tx, request, {
      actorId: user.id,
      action: 'UPDATE',
      entityType: 'USER',
      entityId: user.id,
      detail: { twoFactor: 'enabled' },
    });
    return codes;
  });
}

export type TurnOffResult = 'off' | 'required' | 'invalid';

/** Turns the second factor off, where it is not required, with a valid code from it. */
export async function turnOffTwoFactor(request: Request, userId: string, code: string, demoMode: boolean): Promise<TurnOffResult> {
  if (!mayTurnOffTwoFactor(demoMode)) return 'required';
  const checked = await checkSecondFactor(userId, code);
  if (!checked.ok) return 'invalid';
  await db.$transaction(async (tx) => {
    await disableTwoFactor(tx, userId);
    await audit(tx, request, {
      actorId: userId,
      action: 'UPDATE',
      entityType: 'USER',
      entityId: userId,
      detail: { twoFactor: 'disabled' },
    });
  });
  return 'off';
}

/**
 * Where a user's second factor stands: on (with how many recovery codes are left), or pending
 * with the secret to scan (a new one is made the first time).
 */
export async function twoFactorState(user: { id: string; email: string }) {
  let row = await db.user.findUniqueOrThrow({
    where: { id: user.id },
    select: { totpSecret: true, totpEnabledAt: true, recoveryCodes: true },
  });
  if (!row.totpEnabledAt && !row.totpSecret) row = { ...row, totpSecret: await startTwoFactor(db, user.id) };
  const pending =
    !row.totpEnabledAt && row.totpSecret ? { secret: row.totpSecret, ...(await setupDetails(row.totpSecret, user.email)) } : null;
  return {
    enabledAt: row.totpEnabledAt,
    recoveryLeft: Array.isArray(row.recoveryCodes) ? row.recoveryCodes.length : 0,
    pending,
  };
}
