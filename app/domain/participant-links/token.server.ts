import crypto from 'node:crypto';
import { env } from '~/lib/env.server';

/**
 * A link's token is an HMAC of the server secret and the link's random salt, cut to 128
 * bits (22 characters, short enough to type from paper). The database keeps only its SHA-256,
 * as for session and calendar tokens (decision 010), so a copy of the database opens no link,
 * while the pair page can print an open link again.
 */
export function deriveLinkToken(salt: string, secret = env().SESSION_SECRET): string {
  return crypto.createHmac('sha256', secret).update(`participant-link:${salt}`).digest().subarray(0, 16).toString('base64url');
}

export function hashLinkToken(token: string): string {
  return crypto.createHash('sha256').update(token).digest('hex');
}

export function newSalt(): string {
  return crypto.randomBytes(16).toString('base64url');
}

/** A token as people may type it: base64url characters only, of the right length. */
export function isWellFormedToken(token: string): boolean {
  return /^[A-Za-z0-9_-]{22}$/.test(token);
}
