import type { Tx } from '~/lib/db.server';
import { enqueueEmail } from '~/lib/email.server';
import { isLanguage } from '~/lib/i18n';

/** Tells the referrer(s) of a participant that a volunteer has been found. */
export async function queueMatchNotice(tx: Tx, input: { participantId: string; pairId: string }): Promise<void> {
  const referrals = await tx.referral.findMany({
    where: { participantId: input.participantId },
    select: { id: true, referrer: { select: { id: true, email: true, language: true, deactivatedAt: true } } },
  });
  for (const referral of referrals) {
    if (referral.referrer.deactivatedAt) continue;
    await enqueueEmail(tx, {
      to: referral.referrer.email,
      userId: referral.referrer.id,
      template: 'referral-matched',
      data: { referralId: referral.id },
      language: isLanguage(referral.referrer.language) ? referral.referrer.language : 'nb',
      idempotencyKey: `referral-matched:${input.pairId}:${referral.id}`,
    });
  }
}
