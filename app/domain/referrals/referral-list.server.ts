import type { Db } from '~/lib/db.server';
import { referralScope, type Actor } from '~/lib/permissions.server';

/** Referrals the user may see: all for a coordinator, their own for a probation officer. */
export async function listReferrals(db: Db, actor: Actor) {
  const referrals = await db.referral.findMany({
    where: referralScope(actor),
    orderBy: { createdAt: 'desc' },
    select: {
      id: true,
      referralDate: true,
      participant: {
        select: { id: true, firstName: true, lastName: true, prison: true, expectedReleaseDate: true, status: true },
      },
    },
  });
  return referrals.map((referral) => ({
    id: referral.id,
    participantId: referral.participant.id,
    participantName: `${referral.participant.firstName} ${referral.participant.lastName}`,
    referralDate: referral.referralDate,
    prison: referral.participant.prison,
    expectedReleaseDate: referral.participant.expectedReleaseDate,
    status: referral.participant.status,
  }));
}
