import { z } from 'zod';
import type { Prisma } from '~/generated/prisma/client';
import { db, type Db } from '~/lib/db.server';
import { requestedPage } from '~/lib/paging';
import { referralScope, type Actor } from '~/lib/permissions.server';
import { addDays, todayInOslo } from '~/lib/time';
import { PARTICIPANT_STATUSES, participantStatusSchema } from '~/domain/participants/status';
import { RELEASE_WINDOWS, releaseRange } from '~/domain/participants/release-window';
import { MAX_SEARCH_LENGTH, searchWords } from './name-search';
import { fillSearchNames } from './name-search.server';
import { AGE_DAYS, REFERRAL_AGES, REFERRAL_SORTS, type ReferralAge, type ReferralSort } from './referral-list';
import { releaseInForceBetween } from '~/domain/participants/release-date.server';
import { releaseDateInForce } from '~/domain/participants/release-date';

/** Referrals on one page of the list. */
export const REFERRAL_PAGE_SIZE = 50;

/** The list's filters, from the query string; anything unreadable is simply no filter. */
export const referralFilterSchema = z.object({
  q: z.string().trim().max(MAX_SEARCH_LENGTH).optional().catch(undefined),
  status: z.enum(PARTICIPANT_STATUSES).optional().catch(undefined),
  prison: z.string().trim().max(200).optional().catch(undefined),
  municipality: z.string().trim().max(200).optional().catch(undefined),
  referrer: z.string().trim().max(100).optional().catch(undefined),
  office: z.string().trim().max(200).optional().catch(undefined),
  release: z.enum(RELEASE_WINDOWS).optional().catch(undefined),
  age: z.enum(REFERRAL_AGES).optional().catch(undefined),
  sort: z.enum(REFERRAL_SORTS).optional().catch(undefined),
});
export type ReferralFilters = z.infer<typeof referralFilterSchema>;

export function filtersFromUrl(url: URL): ReferralFilters {
  const raw = Object.fromEntries([...url.searchParams].filter(([key, value]) => key !== 'page' && value.trim() !== ''));
  return referralFilterSchema.parse(raw);
}

/** Whether any filter narrows the list (a sort alone does not). */
export function isFiltered(filters: ReferralFilters): boolean {
  return Boolean(
    filters.q ||
    filters.status ||
    filters.prison ||
    filters.municipality ||
    filters.referrer ||
    filters.office ||
    filters.release ||
    filters.age,
  );
}

function ageCondition(age: ReferralAge, today: string): Prisma.StringFilter {
  if (age === 'older') return { lt: addDays(today, -AGE_DAYS.quarter) };
  return { gte: addDays(today, -AGE_DAYS[age]) };
}

/**
 * The referrals the user may see — all for a coordinator, their own for a probation officer,
 * the scope always part of the query — narrowed by the filters. A name search needs every
 * word somewhere in the participant's first or last name, in any case (see name-search.ts).
 */
function referralWhere(actor: Actor, filters: ReferralFilters, today: string): Prisma.ReferralWhereInput {
  const words = filters.q ? searchWords(filters.q) : [];
  const release = filters.release ? releaseRange(filters.release, today) : undefined;
  const participant: Prisma.ParticipantWhereInput = {
    ...(filters.status ? { status: filters.status } : {}),
    ...(filters.prison ? { prison: filters.prison } : {}),
    ...(filters.municipality ? { releaseMunicipality: filters.municipality } : {}),
    ...(release ? releaseInForceBetween(release.from, release.to) : {}),
    ...(words.length > 0 ? { AND: words.map((word) => ({ searchName: { contains: word } })) } : {}),
  };
  return {
    AND: [
      referralScope(actor),
      {
        participant,
        ...(filters.referrer ? { referrerId: filters.referrer } : {}),
        ...(filters.office ? { office: filters.office } : {}),
        ...(filters.age ? { referralDate: ageCondition(filters.age, today) } : {}),
      },
    ],
  };
}

function orderOf(sort: ReferralSort | undefined): Prisma.ReferralOrderByWithRelationInput[] {
  // The id breaks ties, so a page never repeats or skips a referral made in the same instant.
  switch (sort) {
    case 'release':
      return [{ participant: { expectedReleaseDate: 'asc' } }, { id: 'asc' }];
    case 'waiting':
      // Undecided referrals first, the longest waiting of them first.
      return [{ decidedAt: { sort: 'asc', nulls: 'first' } }, { createdAt: 'asc' }, { id: 'asc' }];
    default:
      return [{ createdAt: 'desc' }, { id: 'desc' }];
  }
}

const listSelect = {
  id: true,
  referralDate: true,
  participant: {
    select: { id: true, firstName: true, lastName: true, prison: true, expectedReleaseDate: true, actualReleaseDate: true, status: true },
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
    releaseDate: releaseDateInForce(referral.participant),
    status: participantStatusSchema.parse(referral.participant.status),
  };
}

async function findReferrals(
  db: Db,
  where: Prisma.ReferralWhereInput,
  sort: ReferralSort | undefined,
  page?: { skip: number; take: number },
) {
  const referrals = await db.referral.findMany({
    where,
    orderBy: orderOf(sort),
    select: listSelect,
    ...(page ? { skip: page.skip, take: page.take } : {}),
  });
  return referrals.map(toListItem);
}

/** Referrals the user may see, filtered and sorted (newest first unless the filters sort otherwise); all of them unless `page` limits it. */
export async function listReferrals(
  db: Db,
  actor: Actor,
  filters: ReferralFilters = {},
  today = todayInOslo(),
  page?: { skip: number; take: number },
) {
  if (filters.q) await fillSearchNames(db);
  return findReferrals(db, referralWhere(actor, filters, today), filters.sort, page);
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
  const referrals = total === 0 ? [] : await findReferrals(db, where, filters.sort, { skip, take: REFERRAL_PAGE_SIZE });
  return { filters, referrals, total, page, pages };
}

/**
 * The choices of the list's filters, from the user's own referrals: prisons, release
 * municipalities, referring officers (with their office) and the offices named on referrals.
 */
export async function referralFilterOptions(actor: Actor) {
  const scope = referralScope(actor);
  const [participants, referrers, offices] = await Promise.all([
    db.participant.findMany({
      where: { referrals: { some: scope } },
      select: { prison: true, releaseMunicipality: true },
      distinct: ['prison', 'releaseMunicipality'],
    }),
    db.user.findMany({
      where: { referralsMade: { some: scope } },
      select: { id: true, name: true, organisation: true },
      orderBy: [{ name: 'asc' }, { id: 'asc' }],
    }),
    db.referral.findMany({ where: { AND: [scope, { office: { not: null } }] }, select: { office: true }, distinct: ['office'] }),
  ]);
  const sorted = (values: Iterable<string>) => [...new Set(values)].sort((a, b) => a.localeCompare(b, 'nb'));
  return {
    prisons: sorted(participants.map((row) => row.prison)),
    municipalities: sorted(participants.map((row) => row.releaseMunicipality)),
    referrers: referrers.map((user) => ({ id: user.id, name: user.organisation ? `${user.name} (${user.organisation})` : user.name })),
    offices: sorted(offices.flatMap((row) => (row.office ? [row.office] : []))),
  };
}
