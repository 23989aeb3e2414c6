import { z } from 'zod';
import type { Prisma } from '~/generated/prisma/client';
import type { Db } from '~/lib/db.server';
import { referralScope, type Actor } from '~/lib/permissions.server';
import { addDays, todayInOslo } from '~/lib/time';
import { PARTICIPANT_STATUSES, participantStatusSchema } from '~/domain/participants/status';

/** The list's filters, from the query string; anything unreadable is simply no filter. */
export const referralFilterSchema = z.object({
  status: z.enum(PARTICIPANT_STATUSES).optional().catch(undefined),
  prison: z.string().trim().max(200).optional().catch(undefined),
  releaseWithinDays: z.coerce.number().int().min(0).max(3650).optional().catch(undefined),
});
export type ReferralFilters = z.infer<typeof referralFilterSchema>;

export function filtersFromUrl(url: URL): ReferralFilters {
  const raw = Object.fromEntries([...url.searchParams].filter(([, value]) => value !== ''));
  return referralFilterSchema.parse(raw);
}

/** Referrals the user may see (all for a coordinator, their own for a probation officer), filtered. */
export async function listReferrals(db: Db, actor: Actor, filters: ReferralFilters = {}, today = todayInOslo()) {
  const participant: Prisma.ParticipantWhereInput = {
    ...(filters.status ? { status: filters.status } : {}),
    ...(filters.prison ? { prison: filters.prison } : {}),
    ...(filters.releaseWithinDays !== undefined
      ? { expectedReleaseDate: { gte: today, lte: addDays(today, filters.releaseWithinDays) } }
      : {}),
  };
  const referrals = await db.referral.findMany({
    where: { ...referralScope(actor), participant },
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
    status: participantStatusSchema.parse(referral.participant.status),
  }));
}

/** The prisons that occur in the user's referrals, for the filter. */
export async function referralPrisons(db: Db, actor: Actor): Promise<string[]> {
  const rows = await db.participant.findMany({
    where: { referrals: { some: referralScope(actor) } },
    distinct: ['prison'],
    select: { prison: true },
    orderBy: { prison: 'asc' },
  });
  return rows.map((row) => row.prison);
}
