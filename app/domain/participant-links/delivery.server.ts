import type { Tx } from '~/lib/db.server';
import type { IssuedLink } from './links.server';

/**
 * The one place a new link goes out to its participant. For now it waits on the pair page for
 * the coordinator to hand over or print; texting it (when consent and the rules allow) plugs in here.
 */
export async function deliverParticipantLink(tx: Tx, link: IssuedLink): Promise<void> {
  await tx.participantLink.update({ where: { id: link.id }, data: { deliveredVia: 'PAIR_PAGE' } });
}
