import crypto from 'node:crypto';

export const RECOVERY_CODE_COUNT = 10;
const RECOVERY_ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';

/** Ten one-time codes like "k7pq-m2xd-w9rt" (about 70 bits each). */
export function generateRecoveryCodes(count = RECOVERY_CODE_COUNT): string[] {
  return Array.from({ length: count }, () => {
    const chars = Array.from(crypto.randomBytes(12), (byte) => RECOVERY_ALPHABET[byte % RECOVERY_ALPHABET.length]);
    return [chars.slice(0, 4), chars.slice(4, 8), chars.slice(8, 12)].map((group) => group.join('')).join('-');
  });
}

/** Codes are stored hashed; typing is forgiving about case, spaces and dashes. */
export function hashRecoveryCode(code: string): string {
  const normalised = code.toLowerCase().replace(/[^a-z0-9]/g, '');
  return crypto.createHash('sha256').update(normalised).digest('hex');
}

/** A six-digit code from an authenticator app (spaces allowed), as opposed to a recovery code. */
export function looksLikeTotp(code: string): boolean {
  return /^\d{6}$/.test(code.replace(/\s/g, ''));
}

/** The second factor is required outside demo mode, so only there may a coordinator turn it off. */
export function mayTurnOffTwoFactor(demoMode: boolean): boolean {
  return demoMode;
}
