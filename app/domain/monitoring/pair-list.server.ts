import { releaseInForceSql } from '~/domain/participants/release-date.server';
import { z } from 'zod';
import { Prisma } from '~/generated/prisma/client';
import { db as defaultDb, type Tx } from '~/lib/db.server';
import { pairFilterSql, type PairFilter } from '~/lib/permissions.server';
import { queryOne, queryRows, sqlNumber } from '~/lib/sql.server';
import { cachedView } from '~/lib/view-snapshot.server';
import { currentTime } from '~/lib/clock';
import { todayInOslo } from '~/lib/time';
import { pairMonths } from '~/domain/pairs/pair-month.server';
import type { Health } from '~/domain/pairs/pair-month';
import { END_REASONS, END_TYPES } from '~/domain/pairs/status';
import { MAX_SEARCH_LENGTH, searchWords } from '~/domain/referrals/name-search';
import { fillSearchNames } from '~/domain/referrals/name-search.server';
import { glanceRow } from './pairs-at-a-glance';
import {
  HEALTHS,
  PAIR_LIST_STATUSES,
  PAIR_SORTS,
  RELEASE_WINDOWS,
  SORTS_OF,
  releaseRange,
  wholeMonthsBetween,
  type PairListStatus,
  type PairSort,
} from './pair-list';

export const PAIR_PAGE_SIZE = 50;

/** The list's filters from the query string; anything unreadable is simply no filter. */
const pairListQuerySchema = z.object({
  status: z.enum(PAIR_LIST_STATUSES).catch('ACTIVE').default('ACTIVE'),
  health: z.enum(HEALTHS).optional().catch(undefined),
  municipality: z.string().trim().max(200).optional().catch(undefined),
  volunteer: z.string().trim().max(MAX_SEARCH_LENGTH).optional().catch(undefined),
  release: z.enum(RELEASE_WINDOWS).optional().catch(undefined),
  sort: z.enum(PAIR_SORTS).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).catch(1).default(1),
});

export interface PairListFilters {
  status: PairListStatus;
  health?: Health;
  municipality?: string;
  volunteer?: string;
  release?: (typeof RELEASE_WINDOWS)[number];
  sort: PairSort;
  page: number;
}

export function pairFiltersFromUrl(url: URL): PairListFilters {
  const raw = Object.fromEntries([...url.searchParams].filter(([, value]) => value.trim() !== ''));
  const parsed = pairListQuerySchema.parse(raw);
  const sorts = SORTS_OF[parsed.status];
  const sort = parsed.sort && sorts.includes(parsed.sort) ? parsed.sort : sorts[0]!; // every status has a sort
  // Red/amber/green is a verdict on an active pair's month only.
  const health = parsed.status === 'ACTIVE' ? parsed.health : undefined;
  return { ...parsed, health, sort };
}

export function isPairListFiltered(filters: PairListFilters): boolean {
  return Boolean(filters.health || filters.municipality || filters.volunteer || filters.release);
}

function conditions(filters: PairListFilters, scope: PairFilter, today: string): Prisma.Sql {
  const where = [Prisma.sql`p."status" = ${filters.status}`, pairFilterSql(scope)];
  if (filters.municipality) where.push(Prisma.sql`pt."releaseMunicipality" = ${filters.municipality}`);
  if (filters.release) {
    const { from, to } = releaseRange(filters.release, today);
    // -- release (#21): the release date in force, not the expected column.
    where.push(Prisma.sql`${releaseInForceSql('pt')} >= ${from} AND ${releaseInForceSql('pt')} <= ${to}`);
  }
  // The volunteer by part of their name, folded like the stored key (name-search.ts); the
  // words hold no LIKE wildcards.
  for (const word of filters.volunteer ? searchWords(filters.volunteer) : []) {
    where.push(Prisma.sql`v."searchName" LIKE ${`%${word}%`}`);
  }
  return Prisma.join(where, ' AND ');
}

function orderBy(sort: PairSort, now: Date): Prisma.Sql {
  switch (sort) {
    case 'started':
      return Prisma.sql`p."activatedAt", p."id"`;
    case 'ended':
      return Prisma.sql`p."endDate" DESC, p."id" DESC`;
    case 'proposed':
      return Prisma.sql`p."proposedAt" DESC, p."id" DESC`;
    case 'participant':
      return Prisma.sql`pt."firstName", pt."lastName", p."id"`;
    case 'volunteer':
      return Prisma.sql`v."firstName", v."lastName", p."id"`;
    case 'release':
      return Prisma.sql`${releaseInForceSql('pt')}, p."id"`;
    case 'lastMeeting':
      // The longest without a held meeting first; never met before anyone.
      return Prisma.sql`(SELECT MAX(m."startsAt") FROM "Meeting" m WHERE m."pairId" = p."id" AND m."status" = 'HELD'
        AND m."startsAt" <= ${now}) IS NOT NULL, (SELECT MAX(m."startsAt") FROM "Meeting" m WHERE m."pairId" = p."id"
        AND m."status" = 'HELD' AND m."startsAt" <= ${now}), p."activatedAt", p."id"`;
    case 'health':
      // Sorted in JavaScript by the month's verdict; the start breaks ties.
      return Prisma.sql`p."activatedAt", p."id"`;
  }
}

const FROM = Prisma.sql`FROM "Pair" p
  JOIN "Participant" pt ON pt."id" = p."participantId"
  JOIN "VolunteerProfile" v ON v."id" = p."volunteerId"`;

/** Every active pair's red/amber/green, kept for a minute (docs/decisions/007-view-snapshots.md). */
async function activeHealth(db: Tx, now: Date): Promise<Record<string, Health>> {
  const view = await cachedView(
    db,
    'pair-health',
    60_000,
    async () => Object.fromEntries((await pairMonths(db, now)).map((month) => [month.id, month.health])),
    now,
  );
  return view.data;
}

const HEALTH_ORDER: Record<Health, number> = { RED: 0, AMBER: 1, GREEN: 2 };

/** The ids of the page (and how many match in all), in the list's order. */
async function pageOfIds(db: Tx, filters: PairListFilters, scope: PairFilter, now: Date) {
  const where = conditions(filters, scope, todayInOslo(now));
  const needsHealth = filters.status === 'ACTIVE' && (filters.health !== undefined || filters.sort === 'health');
  if (!needsHealth) {
    const { count } = await queryOne(db, z.object({ count: sqlNumber }), Prisma.sql`SELECT COUNT(*) AS "count" ${FROM} WHERE ${where}`);
    const pages = Math.max(1, Math.ceil(count / PAIR_PAGE_SIZE));
    const page = Math.min(filters.page, pages);
    const rows = await queryRows(
      db,
      z.object({ id: z.string() }),
      Prisma.sql`SELECT p."id" ${FROM} WHERE ${where} ORDER BY ${orderBy(filters.sort, now)}
        LIMIT ${PAIR_PAGE_SIZE} OFFSET ${(page - 1) * PAIR_PAGE_SIZE}`,
    );
    return { ids: rows.map((row) => row.id), total: count, page, pages };
  }
  const [rows, health] = await Promise.all([
    queryRows(db, z.object({ id: z.string() }), Prisma.sql`SELECT p."id" ${FROM} WHERE ${where} ORDER BY ${orderBy(filters.sort, now)}`),
    activeHealth(db, now),
  ]);
  // A pair that became active after the kept verdicts were computed counts as green until they are computed again.
  const healthOf = (id: string): Health => health[id] ?? 'GREEN';
  let ids = rows.map((row) => row.id);
  if (filters.health) ids = ids.filter((id) => healthOf(id) === filters.health);
  if (filters.sort === 'health') {
    const position = new Map(ids.map((id, index) => [id, index]));
    ids = [...ids].sort((a, b) => HEALTH_ORDER[healthOf(a)] - HEALTH_ORDER[healthOf(b)] || position.get(a)! - position.get(b)!);
  }
  const pages = Math.max(1, Math.ceil(ids.length / PAIR_PAGE_SIZE));
  const page = Math.min(filters.page, pages);
  return { ids: ids.slice((page - 1) * PAIR_PAGE_SIZE, page * PAIR_PAGE_SIZE), total: ids.length, page, pages };
}

const endedRow = z.object({
  id: z.string(),
  participantFirstName: z.string(),
  volunteerFirstName: z.string(),
  volunteerLastName: z.string(),
  startDate: z.string().nullable(),
  endDate: z.string().nullable(),
  endType: z.enum(END_TYPES).nullable().catch(null),
  endReason: z.enum(END_REASONS).nullable().catch(null),
  surveyScore: sqlNumber.nullable(),
  closureTalkDate: z.string().nullable(),
});

const proposedRow = z.object({
  id: z.string(),
  participantId: z.string(),
  participantFirstName: z.string(),
  volunteerFirstName: z.string(),
  volunteerLastName: z.string(),
  proposedAt: z.union([z.date(), z.string(), z.number()]).transform((value) => new Date(value)),
  matchScore: sqlNumber.nullable(),
  releaseDate: z.string(),
});

function inOrder<T extends { id: string }>(rows: T[], ids: readonly string[]): T[] {
  const byId = new Map(rows.map((row) => [row.id, row]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

export type PairListRows =
  | { status: 'ACTIVE'; rows: ReturnType<typeof glanceRow>[] }
  | { status: 'ON_HOLD'; rows: ReturnType<typeof glanceRow>[] }
  | {
      status: 'ENDED';
      rows: {
        id: string;
        participantFirstName: string;
        volunteerName: string;
        startDate: string | null;
        endDate: string | null;
        months: number | null;
        endType: (typeof END_TYPES)[number] | null;
        endReason: (typeof END_REASONS)[number] | null;
        surveyScore: number | null;
        closureTalkHeld: boolean;
      }[];
    }
  | {
      status: 'PROPOSED';
      rows: {
        id: string;
        participantId: string;
        participantFirstName: string;
        volunteerName: string;
        proposedAt: Date;
        matchScore: number | null;
        releaseDate: string;
      }[];
    };

/**
 * One page of /pairs for the request's filters, sorting and `?page=` (#22): active pairs with
 * their month at a glance, proposals, or ended pairs with their outcome (how, why, how long,
 * the closure survey). The user's scope is part of every query.
 */
export async function pairListPage(scope: PairFilter, filters: PairListFilters, now = currentTime(), db: Tx = defaultDb) {
  if (filters.volunteer) await fillSearchNames(db, 'VolunteerProfile');
  const { ids, total, page, pages } = await pageOfIds(db, filters, scope, now);
  const list = await rowsOf(db, filters.status, ids, scope, now);
  return { filters: { ...filters, page }, list, total, page, pages };
}

async function rowsOf(db: Tx, status: PairListStatus, ids: string[], scope: PairFilter, now: Date): Promise<PairListRows> {
  if (ids.length === 0) return { status, rows: [] };
  const idList = Prisma.join(ids);
  switch (status) {
    case 'ACTIVE':
    case 'ON_HOLD':
      return { status, rows: inOrder(await pairMonths(db, now, scope, { ids }), ids).map(glanceRow) };
    case 'ENDED': {
      const rows = await queryRows(
        db,
        endedRow,
        Prisma.sql`SELECT p."id", pt."firstName" AS "participantFirstName", v."firstName" AS "volunteerFirstName",
          v."lastName" AS "volunteerLastName", p."startDate", p."endDate", p."endType", p."endReason", p."surveyScore",
          p."closureTalkDate"
        ${FROM} WHERE p."id" IN (${idList})`,
      );
      return {
        status,
        rows: inOrder(rows, ids).map((row) => ({
          id: row.id,
          participantFirstName: row.participantFirstName,
          volunteerName: `${row.volunteerFirstName} ${row.volunteerLastName}`,
          startDate: row.startDate,
          endDate: row.endDate,
          months: row.startDate && row.endDate ? wholeMonthsBetween(row.startDate, row.endDate) : null,
          endType: row.endType,
          endReason: row.endReason,
          surveyScore: row.surveyScore,
          closureTalkHeld: row.closureTalkDate !== null,
        })),
      };
    }
    case 'PROPOSED': {
      const rows = await queryRows(
        db,
        proposedRow,
        Prisma.sql`SELECT p."id", p."participantId", pt."firstName" AS "participantFirstName", v."firstName" AS "volunteerFirstName",
          v."lastName" AS "volunteerLastName", p."proposedAt", p."matchScore", ${releaseInForceSql('pt')} AS "releaseDate"
        ${FROM} WHERE p."id" IN (${idList})`,
      );
      return {
        status,
        rows: inOrder(rows, ids).map((row) => ({
          id: row.id,
          participantId: row.participantId,
          participantFirstName: row.participantFirstName,
          volunteerName: `${row.volunteerFirstName} ${row.volunteerLastName}`,
          proposedAt: row.proposedAt,
          matchScore: row.matchScore,
          releaseDate: row.releaseDate,
        })),
      };
    }
  }
}

/**
 * The release municipalities of the user's pairs, for the filter: each place there is, kept
 * when one of its participants has such a pair (an index seek per place, not a join of every pair).
 */
export async function pairMunicipalities(scope: PairFilter, db: Tx = defaultDb): Promise<string[]> {
  const rows = await queryRows(
    db,
    z.object({ municipality: z.string() }),
    Prisma.sql`SELECT m."municipality" FROM (SELECT DISTINCT "releaseMunicipality" AS "municipality" FROM "Participant") m
      WHERE EXISTS (SELECT 1 ${FROM} WHERE pt."releaseMunicipality" = m."municipality"
        AND p."status" IN (${Prisma.join([...PAIR_LIST_STATUSES])}) AND ${pairFilterSql(scope)})
      ORDER BY 1`,
  );
  return rows.map((row) => row.municipality);
}
