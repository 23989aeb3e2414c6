import type { Prisma } from '~/generated/prisma/client';
import { getSetting } from '~/domain/settings/settings.server';
import { audit } from '~/lib/audit.server';
import { currentTime } from '~/lib/clock';
import { db, type Db, type Tx } from '~/lib/db.server';
import { env } from '~/lib/env.server';
import type { Actor } from '~/lib/permissions.server';
import { notFound, pairScope } from '~/lib/permissions.server';
import { clientAddress, releaseAttempt, reserveAttempt, type RateLimit } from '~/lib/rate-limit.server';
import { isSurvey, NEXT_MEETINGS_VALID_DAYS, type LinkPurpose } from './purposes';
import { deriveLinkToken, hashLinkToken, isWellFormedToken, newSalt } from './token.server';

/** Like sign-in: fifty unknown links from one address within 15 minutes, and the next is refused. */
export const LINK_ADDRESS_LIMIT: RateLimit = { bucket: 'participant-link:ip', max: 50, windowMs: 15 * 60 * 1000 };

const DAY_MS = 24 * 3600_000;

export interface IssuedLink {
  id: string;
  pairId: string;
  participantId: string;
  purpose: LinkPurpose;
  token: string;
  expiresAt: Date;
}

/** The full address of a link, as printed, scanned or texted. */
export function linkAddress(token: string): string {
  return new URL(`/p/${token}`, env().PUBLIC_URL).toString();
}

/**
 * Writes a new link for the pair's participant and returns it with its token (which is not
 * stored). `dueKey` makes a scheduled link once-only: a second issue with the same key returns null.
 */
export async function issueLink(
  tx: Tx,
  input: { pairId: string; purpose: LinkPurpose; issuedById: string | null; dueKey?: string },
  now = currentTime(),
): Promise<IssuedLink | null> {
  if (input.dueKey && (await tx.participantLink.findUnique({ where: { dueKey: input.dueKey }, select: { id: true } }))) return null;
  const pair = await tx.pair.findUniqueOrThrow({ where: { id: input.pairId }, select: { participantId: true } });
  const days = isSurvey(input.purpose) ? await getSetting(tx, 'participantLinkValidDays') : NEXT_MEETINGS_VALID_DAYS;
  const salt = newSalt();
  const token = deriveLinkToken(salt);
  const link = await tx.participantLink.create({
    data: {
      pairId: input.pairId,
      purpose: input.purpose,
      tokenHash: hashLinkToken(token),
      salt,
      dueKey: input.dueKey ?? null,
      expiresAt: new Date(now.getTime() + days * DAY_MS),
      issuedById: input.issuedById,
    },
  });
  await audit(tx, null, {
    actorId: input.issuedById,
    action: 'CREATE',
    entityType: 'PARTICIPANT_LINK',
    entityId: link.id,
    participantId: pair.participantId,
    detail: { purpose: input.purpose, pairId: input.pairId },
  });
  return { id: link.id, pairId: link.pairId, participantId: pair.participantId, purpose: input.purpose, token, expiresAt: link.expiresAt };
}

/** A link still open: not expired, not revoked, not used (a survey is answered once), its pair not anonymised. */
function openWhere(now: Date, pair: Prisma.PairWhereInput = {}): Prisma.ParticipantLinkWhereInput {
  return {
    expiresAt: { gt: now },
    revokedAt: null,
    pair: { ...pair, participant: { anonymisedAt: null } },
    OR: [{ usedAt: null }, { purpose: 'NEXT_MEETINGS' }],
  };
}

export type OpenLinkLookup =
  | { found: true; link: { id: string; pairId: string; purpose: LinkPurpose; participantId: string; expiresAt: Date } }
  | { found: false; limited: boolean };

/**
 * The open link for a token typed or scanned by someone without an account. Each miss keeps a
 * place in the address's window (as a failed sign-in does); a hit gives its place back.
 */
export async function findOpenLink(request: Request, token: string, now = currentTime()): Promise<OpenLinkLookup> {
  const attempt = await reserveAttempt(db, LINK_ADDRESS_LIMIT, clientAddress(request), now);
  if (!attempt.ok) return { found: false, limited: true };
  const link = isWellFormedToken(token)
    ? await db.participantLink.findFirst({
        where: { tokenHash: hashLinkToken(token), ...openWhere(now) },
        select: { id: true, pairId: true, purpose: true, expiresAt: true, pair: { select: { participantId: true } } },
      })
    : null;
  if (!link) return { found: false, limited: false };
  await releaseAttempt(db, attempt.id);
  return {
    found: true,
    link: {
      id: link.id,
      pairId: link.pairId,
      purpose: link.purpose as LinkPurpose,
      participantId: link.pair.participantId,
      expiresAt: link.expiresAt,
    },
  };
}

/** The pair's links for its page, newest first; open ones carry their address for printing. */
export async function pairLinks(db: Db, actor: Actor, pairId: string, now = currentTime()) {
  const links = await db.participantLink.findMany({
    where: { pairId, pair: pairScope(actor) },
    orderBy: { createdAt: 'desc' },
    take: 20,
    select: {
      id: true,
      purpose: true,
      salt: true,
      tokenHash: true,
      expiresAt: true,
      usedAt: true,
      revokedAt: true,
      deliveredVia: true,
      createdAt: true,
    },
  });
  return links.map(({ salt, tokenHash, ...link }) => {
    const state = link.revokedAt
      ? 'REVOKED'
      : link.usedAt && link.purpose !== 'NEXT_MEETINGS'
        ? 'ANSWERED'
        : link.expiresAt <= now
          ? 'EXPIRED'
          : 'OPEN';
    // A link made under another SESSION_SECRET cannot be shown again: it is reported as unprintable.
    const printable = state === 'OPEN' && hashLinkToken(deriveLinkToken(salt)) === tokenHash;
    return { ...link, purpose: link.purpose as LinkPurpose, state, printable } as const;
  });
}

/** An open link of the actor's pair with its address, for the printable page; otherwise 404. */
export async function printableLink(actor: Actor, pairId: string, linkId: string, now = currentTime()) {
  const link = await db.participantLink.findFirst({
    where: { id: linkId, pairId, ...openWhere(now, pairScope(actor)) },
    select: { id: true, purpose: true, salt: true, tokenHash: true, expiresAt: true },
  });
  if (!link) notFound();
  const token = deriveLinkToken(link.salt);
  if (hashLinkToken(token) !== link.tokenHash) notFound();
  return { id: link.id, purpose: link.purpose as LinkPurpose, expiresAt: link.expiresAt, token };
}

/** Closes a link at once (e.g. a lost paper); the participant then reads "this link no longer works". */
export async function revokeLink(db: Db, request: Request, actor: Actor, pairId: string, linkId: string, now = currentTime()) {
  return db.$transaction(async (tx) => {
    const link = await tx.participantLink.findFirst({
      where: { id: linkId, pairId, revokedAt: null, pair: pairScope(actor) },
      select: { id: true, pair: { select: { participantId: true } } },
    });
    if (!link) notFound();
    await tx.participantLink.update({ where: { id: link.id }, data: { revokedAt: now } });
    await audit(tx, request, {
      actorId: actor.id,
      action: 'UPDATE',
      entityType: 'PARTICIPANT_LINK',
      entityId: link.id,
      participantId: link.pair.participantId,
      detail: { revoked: true },
    });
  });
}
