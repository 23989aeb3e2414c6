import type { Tx } from '~/lib/db.server';
import { enqueueParticipantText, type QueuedText } from '~/domain/sms/outbox.server';
import { linkText } from '~/domain/sms/texts';
import { isSurvey } from './purposes';
import { linkAddress, type IssuedLink } from './links.server';

/**
 * The one place a new link goes out to its participant: by text when consent and the SMS rules
 * allow it, otherwise it waits on the pair page for the coordinator to hand over or print.
 * The caller calls notifySmsOutbox() once its transaction has committed.
 */
export async function deliverParticipantLink(tx: Tx, link: IssuedLink): Promise<QueuedText> {
  const text = await enqueueParticipantText(tx, {
    participantId: link.participantId,
    pairId: link.pairId,
    kind: 'LINK',
    body: linkText(isSurvey(link.purpose) ? 'SURVEY' : 'NEXT_MEETINGS', linkAddress(link.token)),
    idempotencyKey: `link:${link.id}`,
  });
  await tx.participantLink.update({ where: { id: link.id }, data: { deliveredVia: text.queued ? 'SMS' : 'PAIR_PAGE' } });
  return text;
}
