import { Prisma } from '~/generated/prisma/client';
import type { Tx } from '~/lib/db.server';
import type { PairMonthFilter } from '~/lib/permissions.server';
import { getSetting } from '~/domain/settings/settings.server';
import { daysBetween, monthOf, monthRange, osloDate, todayInOslo } from '~/lib/time';
import { isJustReleased, suggestedPerMonth } from '~/domain/meetings/target';
import { pairMonthVerdict, type Health } from './pair-month';
import { currentTime } from '~/lib/clock';

export interface PairMonth {
  id: string;
  participantId: string;
  participantFirstName: string;
  volunteerName: string;
  startDate: string;
  releaseDate: string;
  justReleased: boolean;
  target: number;
  /** Whole meetings expected by today (the month's target × the share of the pair's month over). */
  expected: number;
  /** Fewer meetings held than expected by today. */
  behind: boolean;
  suggested: number;
  held: number;
  plannedAhead: number;
  lastHeldDate: string | null;
  daysSinceHeld: number | null;
  openConcerns: number;
  health: Health;
  flaggedForRematch: boolean;
  /** Match-support contacts held and whether the fit check is done; null before the pair has a start date. */
  support: { held: number; fitCheckDone: boolean } | null;
}

interface PairMonthRow {
  id: string;
  participantId: string;
  startDate: string | null;
  endDate: string | null;
  flaggedForRematch: boolean;
  participantFirstName: string;
  releaseDate: string;
  volunteerFirstName: string;
  volunteerLastName: string;
  held: bigint | number;
  plannedAhead: bigint | number;
  // MAX() has no declared type, so SQLite's driver returns the stored text.
  lastHeldAt: string | Date | null;
  openConcerns: bigint | number;
  supportContactsHeld: bigint | number;
  fitChecks: bigint | number;
}

/** The filter as SQL over `"Pair" p` joined with its `"VolunteerProfile" v`; any status. */
export function pairFilterSql(filter: PairMonthFilter): Prisma.Sql {
  const conditions = [Prisma.sql`1 = 1`];
  if (filter.pairId !== undefined) conditions.push(Prisma.sql`p."id" = ${filter.pairId}`);
  if (filter.volunteerUserId !== undefined) conditions.push(Prisma.sql`v."userId" = ${filter.volunteerUserId}`);
  return Prisma.join(conditions, ' AND ');
}

function filterSql(filter: PairMonthFilter): Prisma.Sql {
  return Prisma.sql`p."status" = 'ACTIVE' AND ${pairFilterSql(filter)}`;
}

/**
 * Active pairs' month at a glance: held vs target, planned, last meeting, concerns, status.
 * One query, oldest pair first, `page` bounds it. Each correlated subquery is one seek on
 * Meeting(pairId, status, startsAt) or the pair's index; through Prisma's query API the same
 * figures cost ten times as much at 1,200 pairs (docs/performance.md).
 */
export async function pairMonths(
  db: Tx,
  now = currentTime(),
  filter: PairMonthFilter = {},
  page?: { skip: number; take: number },
): Promise<PairMonth[]> {
  const today = todayInOslo(now);
  const month = monthOf(now);
  const { start, end } = monthRange(month);
  // A page's pairs are chosen first, so the subqueries below run for its rows only and not for
  // every pair skipped before it (the last page of /pairs took 21 ms of SQLite, now 3).
  const pageSql = page
    ? Prisma.sql`AND p."id" IN (SELECT p."id" FROM "Pair" p JOIN "VolunteerProfile" v ON v."id" = p."volunteerId"
        WHERE ${filterSql(filter)} ORDER BY p."activatedAt", p."id" LIMIT ${page.take} OFFSET ${page.skip})`
    : Prisma.empty;
  const [perMonth, rows] = await Promise.all([
    getSetting(db, 'meetingsPerMonth'),
    db.$queryRaw<PairMonthRow[]>`
      SELECT p."id", p."participantId", p."startDate", p."endDate", p."flaggedForRematch",
        pt."firstName" AS "participantFirstName", pt."expectedReleaseDate" AS "releaseDate",
        v."firstName" AS "volunteerFirstName", v."lastName" AS "volunteerLastName",
        (SELECT COUNT(*) FROM "Meeting" m WHERE m."pairId" = p."id" AND m."status" = 'HELD'
          AND m."startsAt" >= ${start} AND m."startsAt" < ${end}) AS "held",
        (SELECT COUNT(*) FROM "Meeting" m WHERE m."pairId" = p."id" AND m."status" = 'PLANNED'
          AND m."startsAt" >= ${now} AND m."startsAt" < ${end}) AS "plannedAhead",
        (SELECT MAX(m."startsAt") FROM "Meeting" m WHERE m."pairId" = p."id" AND m."status" = 'HELD'
          AND m."startsAt" <= ${now}) AS "lastHeldAt",
        (SELECT COUNT(*) FROM "Concern" c WHERE c."pairId" = p."id" AND c."acknowledgedAt" IS NULL) AS "openConcerns",
        (SELECT COUNT(*) FROM "SupportContact" s WHERE s."pairId" = p."id" AND s."heldOn" IS NOT NULL) AS "supportContactsHeld",
        (SELECT COUNT(*) FROM "FitCheck" f WHERE f."pairId" = p."id") AS "fitChecks"
      FROM "Pair" p
      JOIN "Participant" pt ON pt."id" = p."participantId"
      JOIN "VolunteerProfile" v ON v."id" = p."volunteerId"
      WHERE ${filterSql(filter)} ${pageSql}
      ORDER BY p."activatedAt", p."id"`,
  ]);
  return rows.map((row) => {
    const startDate = row.startDate ?? today;
    const held = Number(row.held);
    const plannedAhead = Number(row.plannedAhead);
    const openConcerns = Number(row.openConcerns);
    const lastHeldDate = row.lastHeldAt ? osloDate(new Date(row.lastHeldAt)) : null;
    const justReleased = isJustReleased(row.releaseDate, today);
    const verdict = pairMonthVerdict({ now, month, perMonth, startDate, endDate: row.endDate, held, lastHeldDate, openConcerns });
    const target = verdict.target;
    return {
      id: row.id,
      participantId: row.participantId,
      participantFirstName: row.participantFirstName,
      volunteerName: `${row.volunteerFirstName} ${row.volunteerLastName}`,
      startDate,
      releaseDate: row.releaseDate,
      justReleased,
      target,
      expected: verdict.expectedWhole,
      behind: verdict.behind,
      suggested: suggestedPerMonth(target, justReleased),
      held,
      plannedAhead,
      lastHeldDate,
      daysSinceHeld: lastHeldDate ? daysBetween(lastHeldDate, today) : null,
      openConcerns,
      health: verdict.health,
      flaggedForRematch: row.flaggedForRematch,
      support: row.startDate ? { held: Number(row.supportContactsHeld), fitCheckDone: Number(row.fitChecks) > 0 } : null,
    };
  });
}

export async function countActivePairs(db: Tx, filter: PairMonthFilter = {}): Promise<number> {
  // The volunteer is joined only when the filter needs it; without, the count is read from an index.
  const volunteer = filter.volunteerUserId === undefined ? Prisma.empty : Prisma.sql`JOIN "VolunteerProfile" v ON v."id" = p."volunteerId"`;
  const [row] = await db.$queryRaw<{ count: bigint | number }[]>`
    SELECT COUNT(*) AS "count" FROM "Pair" p ${volunteer} WHERE ${filterSql(filter)}`;
  return Number(row.count);
}
