import { z } from 'zod';
import { Prisma } from '~/generated/prisma/client';
import { queryOne, queryRows, sqlBoolean, sqlDate, sqlNumber } from '~/lib/sql.server';
import { db, type Tx } from '~/lib/db.server';
import { pairFilterSql, RUNNING_PAIR_STATUSES, type PairFilter } from '~/lib/permissions.server';
import { getSetting } from '~/domain/settings/settings.server';
import { daysBetween, monthOf, monthRange, osloDate, todayInOslo } from '~/lib/time';
import { holdDaysInMonth, isJustReleased } from '~/domain/meetings/target';
import { releaseDateInForce } from '~/domain/participants/release-date';
import { pairMonthVerdict, type Health } from './pair-month';
import { currentTime } from '~/lib/clock';
import { holdSpansByPair, targetRates } from '~/domain/meetings/target.server';
import type { JustReleasedSupport } from './support';

export interface PairMonth {
  id: string;
  /** ON_HOLD pairs are listed too: no target for their days on hold, and no "behind" or quiet alert while on hold. */
  onHold: boolean;
  /** Days of this month the pair is or was on hold (shown, not counted as missed). */
  holdDays: number;
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
  /** No meeting for more than 14 days (from the start or the last resume); never while on hold. */
  quiet: boolean;
  suggested: number;
  held: number;
  plannedAhead: number;
  lastHeldDate: string | null;
  daysSinceHeld: number | null;
  openConcerns: number;
  health: Health;
  flaggedForRematch: boolean;
  /** Match-support contacts held and whether the fit check is done; null before the pair has a start date. */
  support: { held: number; fitCheckDone: boolean; justReleased: JustReleasedSupport | null } | null;
}

const pairMonthRow = z.object({
  id: z.string(),
  participantId: z.string(),
  startDate: z.string().nullable(),
  endDate: z.string().nullable(),
  flaggedForRematch: sqlBoolean,
  participantFirstName: z.string(),
  expectedReleaseDate: z.string(),
  actualReleaseDate: z.string().nullable(),
  volunteerFirstName: z.string(),
  volunteerLastName: z.string(),
  held: sqlNumber,
  plannedAhead: sqlNumber,
  lastHeldAt: sqlDate.nullable(),
  openConcerns: sqlNumber,
  supportContactsHeld: sqlNumber,
  supportLastHeldOn: z.string().nullable(),
  fitChecks: sqlNumber,
});

function filterSql(filter: PairFilter): Prisma.Sql {
  return Prisma.sql`p."status" IN (${Prisma.join(RUNNING_PAIR_STATUSES)}) AND ${pairFilterSql(filter)}`;
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
  filter: PairFilter = {},
  page?: { skip: number; take: number } | { ids: readonly string[] },
): Promise<PairMonth[]> {
  const today = todayInOslo(now);
  const month = monthOf(now);
  const { start, end } = monthRange(month);
  // A page's pairs are chosen first, so the subqueries below run for its rows only and not for
  // every pair skipped before it (the last page of /pairs took 21 ms of SQLite, now 3).
  // Or the caller chose them (a filtered list, #22), and `ids` names them.
  const pageSql = !page
    ? Prisma.empty
    : 'ids' in page
      ? page.ids.length === 0
        ? Prisma.sql`AND 0 = 1`
        : Prisma.sql`AND p."id" IN (${Prisma.join(page.ids)})`
      : Prisma.sql`AND p."id" IN (SELECT p."id" FROM "Pair" p JOIN "VolunteerProfile" v ON v."id" = p."volunteerId"
        WHERE ${filterSql(filter)} ORDER BY p."activatedAt", p."id" LIMIT ${page.take} OFFSET ${page.skip})`;
  const [rates, supportIntervalDays, rows] = await Promise.all([
    targetRates(db),
    getSetting(db, 'justReleasedSupportIntervalDays'),
    queryRows(
      db,
      pairMonthRow,
      Prisma.sql`
      SELECT p."id", p."participantId", p."startDate", p."endDate", p."flaggedForRematch",
        pt."firstName" AS "participantFirstName", pt."expectedReleaseDate", pt."actualReleaseDate",
        v."firstName" AS "volunteerFirstName", v."lastName" AS "volunteerLastName",
        (SELECT COUNT(*) FROM "Meeting" m WHERE m."pairId" = p."id" AND m."status" = 'HELD'
          AND m."startsAt" >= ${start} AND m."startsAt" < ${end}) AS "held",
        (SELECT COUNT(*) FROM "Meeting" m WHERE m."pairId" = p."id" AND m."status" = 'PLANNED'
          AND m."startsAt" >= ${now} AND m."startsAt" < ${end}) AS "plannedAhead",
        (SELECT MAX(m."startsAt") FROM "Meeting" m WHERE m."pairId" = p."id" AND m."status" = 'HELD'
          AND m."startsAt" <= ${now}) AS "lastHeldAt",
        (SELECT COUNT(*) FROM "Concern" c WHERE c."pairId" = p."id" AND c."acknowledgedAt" IS NULL) AS "openConcerns",
        (SELECT COUNT(*) FROM "SupportContact" s WHERE s."pairId" = p."id" AND s."heldOn" IS NOT NULL) AS "supportContactsHeld",
        (SELECT MAX(s."heldOn") FROM "SupportContact" s WHERE s."pairId" = p."id" AND s."heldOn" IS NOT NULL) AS "supportLastHeldOn",
        (SELECT COUNT(*) FROM "FitCheck" f WHERE f."pairId" = p."id") AS "fitChecks"
      FROM "Pair" p
      JOIN "Participant" pt ON pt."id" = p."participantId"
      JOIN "VolunteerProfile" v ON v."id" = p."volunteerId"
      WHERE ${filterSql(filter)} ${pageSql}
      ORDER BY p."activatedAt", p."id"`,
    ),
  ]);
  const holdsByPair = await holdSpansByPair(
    db,
    rows.map((row) => row.id),
  );
  return rows.map((row) => {
    const startDate = row.startDate ?? today;
    const holds = holdsByPair.get(row.id) ?? [];
    const { held, plannedAhead, openConcerns } = row;
    const lastHeldDate = row.lastHeldAt ? osloDate(row.lastHeldAt) : null;
    const releaseDate = releaseDateInForce(row);
    const justReleased = isJustReleased(releaseDate, today);
    const verdict = pairMonthVerdict({
      now,
      month,
      rates,
      startDate,
      endDate: row.endDate,
      held,
      lastHeldDate,
      openConcerns,
      holds,
      releaseDate,
    });
    const target = verdict.target;
    return {
      id: row.id,
      onHold: verdict.onHold,
      holdDays: holdDaysInMonth(month, startDate, row.endDate, holds),
      participantId: row.participantId,
      participantFirstName: row.participantFirstName,
      volunteerName: `${row.volunteerFirstName} ${row.volunteerLastName}`,
      startDate,
      releaseDate,
      justReleased,
      target,
      expected: verdict.expectedWhole,
      behind: verdict.behind,
      quiet: verdict.quiet,
      // The target already holds the raise of the first 30 days out.
      suggested: target,
      held,
      plannedAhead,
      lastHeldDate,
      daysSinceHeld: lastHeldDate ? daysBetween(lastHeldDate, today) : null,
      openConcerns,
      health: verdict.health,
      flaggedForRematch: row.flaggedForRematch,
      support: row.startDate
        ? {
            held: row.supportContactsHeld,
            fitCheckDone: row.fitChecks > 0,
            // The weekly cadence of the first 30 days out (#21), for nextSupportContact.
            justReleased: { releaseDate, intervalDays: supportIntervalDays, lastHeldOn: row.supportLastHeldOn },
          }
        : null,
    };
  });
}

/** One page of the active pairs' months the filter lets through (the pairs list). */
export function pairMonthsPage(filter: PairFilter, page: { skip: number; take: number }, now = currentTime()): Promise<PairMonth[]> {
  return pairMonths(db, now, filter, page);
}

export async function countActivePairs(filter: PairFilter = {}, client: Tx = db): Promise<number> {
  // The volunteer is joined only when the filter needs it; without, the count is read from an index.
  const volunteer = filter.volunteerUserId === undefined ? Prisma.empty : Prisma.sql`JOIN "VolunteerProfile" v ON v."id" = p."volunteerId"`;
  const row = await queryOne(
    client,
    z.object({ count: sqlNumber }),
    Prisma.sql`SELECT COUNT(*) AS "count" FROM "Pair" p ${volunteer} WHERE ${filterSql(filter)}`,
  );
  return row.count;
}
