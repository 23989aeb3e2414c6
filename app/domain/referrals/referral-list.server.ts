import { z } from 'zod';
import type { Prisma } from '~/generated/prisma/client';
import { db, type Db } from '~/lib/db.server';
import { requestedPage } from '~/lib/paging';
import { referralScope, type Actor } from '~/lib/permissions.server';
import { addDays, todayInOslo } from '~/lib/time';
import { PARTICIPANT_STATUSES, participantStatusSchema } from '~/domain/participants/status';
import { MAX_SEARCH_LENGTH, searchWords } from './name-search';
import { fillSearchNames } from './name-search.server';
import { releaseInForceBetween } from '~/domain/participants/release-date.server';

/** Referrals on one page of the list. */
export const REFERRAL_PAGE_SIZE = 50;

/** The list's filters, from the query string; anything unreadable is simply no filter. */
export const referralFilterSchema = z.object({
  q: z.string().trim().max(MAX_SEARCH_LENGTH).optional().catch(undefined),
  status: z.enum(PARTICIPANT_STATUSES).optional().catch(undefined),
  prison: z.string().trim().max(200).optional().catch(undefined),
  releaseWithinDays: z.coerce.number().int().min(0).max(3650).optional().catch(undefined),
});
export type ReferralFilters = z.infer<typeof referralFilterSchema>;

export function filtersFromUrl(url: URL): ReferralFilters {
  const raw = Object.fromEntries([...url.searchParams].filter(([key, value]) => key !== 'page' && value.trim() !== ''));
  return referralFilterSchema.parse(raw);
}

export function isFiltered(filters: ReferralFilters): boolean {
  return Boolean(filters.q || filters.status || filters.prison || filters.releaseWithinDays !== undefined);
}

/**
 * The referrals the user may see — all for a coordinator, their own for a probation officer,
 * the scope always part of the query — narrowed by the filters. A name search needs every
 * word somewhere in the participant's first or last name, in any case (see name-search.ts).
 */
function referralWhere(actor: Actor, filters: ReferralFilters, today: string): Prisma.ReferralWhereInput {
  const words = filters.q ? searchWords(filters.q) : [];
  const participant: Prisma.ParticipantWhereInput = {
    ...(filters.status ? { status: filters.status } : {}),
    ...(filters.prison ? { prison: filters.prison } : {}),
    ...(filters.releaseWithinDays !== undefined ? releaseInForceBetween(today, addDays(today, filters.releaseWithinDays)) : {}),
    ...(words.length > 0 ? { AND: words.map((word) => ({ searchName: { contains: word } })) } : {}),
  };
  return { ...referralScope(actor), participant };
}

const listSelect = {
  id: true,
  referralDate: true,
  participant: {
    select: { id: true, firstName: true, lastName: true, prison: true, expectedReleaseDate: true, status: true },
  },
} as const;

type ListRow = Prisma.ReferralGetPayload<{ select: typeof listSelect }>;

function toListItem(referral: ListRow) {
  return {
    id: referral.id,
    participantId: referral.participant.id,
    participantName: `${referral.participant.firstName} ${referral.participant.lastName}`,
    referralDate: referral.referralDate,
    prison: referral.participant.prison,
    expectedReleaseDate: referral.participant.expectedReleaseDate,
    status: participantStatusSchema.parse(referral.participant.status),
  };
}

async function findReferrals(db: Db, where: Prisma.ReferralWhereInput, page?: { skip: number; take: number }) {
  const referrals = await db.referral.findMany({
    where,
    // The id breaks ties, so a page never repeats or skips a referral made in the same instant.
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    select: listSelect,
    ...(page ? { skip: page.skip, take: page.take } : {}),
  });
  return referrals.map(toListItem);
}

/** Referrals the user may see, filtered, newest first; all of them unless `page` limits it. */
export async function listReferrals(
  db: Db,
  actor: Actor,
  filters: ReferralFilters = {},
  today = todayInOslo(),
  page?: { skip: number; take: number },
) {
  if (filters.q) await fillSearchNames(db);
  return findReferrals(db, referralWhere(actor, filters, today), page);
}

/**
 * One page of the list for the request's filters and `?page=` (kept within the pages there
 * are), and how many referrals match in all.
 */
export async function referralListPage(actor: Actor, request: Request, today = todayInOslo()) {
  const filters = filtersFromUrl(new URL(request.url));
  if (filters.q) await fillSearchNames(db);
  const where = referralWhere(actor, filters, today);
  const total = await db.referral.count({ where });
  const { page, pages, skip } = requestedPage(request, total, REFERRAL_PAGE_SIZE);
  const referrals = total === 0 ? [] : await findReferrals(db, where, { skip, take: REFERRAL_PAGE_SIZE });
  return { filters, referrals, total, page, pages };
}

/** The prisons that occur in the user's referrals, for the filter. */
export async function referralPrisons(actor: Actor): Promise<string[]> {
  const rows = await db.participant.findMany({
    where: { referrals: { some: referralScope(actor) } },
    distinct: ['prison'],
    select: { prison: true },
    orderBy: { prison: 'asc' },
  });
  return rows.map((row) => row.prison);
}
