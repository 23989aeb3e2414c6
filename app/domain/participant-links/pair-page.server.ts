import { z } from 'zod';
import { db } from '~/lib/db.server';
import { redirectWithFlash } from '~/lib/flash.server';
import type { Actor } from '~/lib/permissions.server';
import { notFound, pairScope } from '~/lib/permissions.server';
import { pairAnswers } from './answers.server';
import { issueLink, pairLinks, revokeLink } from './links.server';
import { linkPurposeSchema, type LinkPurpose } from './purposes';

/** Which links a pair in a given status can be given: the closure survey once it has ended. */
export function issuablePurposes(status: string): LinkPurpose[] {
  if (status === 'ACTIVE') return ['PULSE', 'FIT_CHECK', 'NEXT_MEETINGS'];
  if (status === 'ENDED') return ['CLOSURE_SURVEY'];
  return [];
}

/** The pair page's block: the links (coordinator only) and the participant's own answers. */
export async function participantLinksBlock(request: Request, actor: Actor, pair: { id: string; status: string }) {
  if (actor.role !== 'COORDINATOR') return null;
  const [links, answers] = await Promise.all([pairLinks(db, actor, pair.id), pairAnswers(db, request, actor, pair.id)]);
  return { links, answers: answers ?? [], purposes: issuablePurposes(pair.status) };
}

const issueSchema = z.object({ purpose: linkPurposeSchema });
const revokeSchema = z.object({ linkId: z.string().min(1).max(40) });

/** The pair page's link intents; null when the intent is not one of them. */
export async function participantLinkIntent(
  request: Request,
  actor: Actor,
  pairId: string,
  formData: FormData,
): Promise<Awaited<ReturnType<typeof redirectWithFlash>> | null> {
  const intent = formData.get('intent');
  if (intent === 'issue-participant-link') {
    const parsed = issueSchema.safeParse({ purpose: formData.get('purpose') });
    if (!parsed.success) throw new Response('Bad Request', { status: 400 });
    const pair = await db.pair.findFirst({ where: { id: pairId, ...pairScope(actor) }, select: { id: true, status: true } });
    if (!pair) notFound();
    if (!issuablePurposes(pair.status).includes(parsed.data.purpose)) throw new Response('Bad Request', { status: 400 });
    const link = await db.$transaction((tx) => issueLink(tx, { pairId: pair.id, purpose: parsed.data.purpose, issuedById: actor.id }));
    if (!link) notFound();
    return redirectWithFlash(`/pairs/${pair.id}/links/${link.id}`, { kind: 'success', key: 'participantLinks.pair.issued' });
  }
  if (intent === 'revoke-participant-link') {
    const parsed = revokeSchema.safeParse({ linkId: formData.get('linkId') });
    if (!parsed.success) throw new Response('Bad Request', { status: 400 });
    await revokeLink(db, request, actor, pairId, parsed.data.linkId);
    return redirectWithFlash(`/pairs/${pairId}`, { kind: 'success', key: 'participantLinks.pair.revoked' });
  }
  return null;
}
