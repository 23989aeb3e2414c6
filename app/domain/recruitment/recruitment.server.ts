import type { Db, Tx } from '~/lib/db.server';
import { Prisma } from '~/generated/prisma/client';
import { halfYearOf, halfYearRange, osloDate, previousHalfYear, type HalfYearKey } from '~/lib/time';
import { DEFAULT_PAIRS_TARGET, elapsedShare, project } from './progress';
import { currentTime } from '~/lib/clock';

export interface HalfYearTargets {
  halfYear: HalfYearKey;
  newPairs: number;
  newParticipants: number | null;
  newReadyVolunteers: number | null;
}

export async function targetsFor(db: Tx, halfYear: HalfYearKey): Promise<HalfYearTargets> {
  const row = await db.halfYearTarget.findUnique({ where: { halfYear } });
  return {
    halfYear,
    newPairs: row?.newPairs ?? DEFAULT_PAIRS_TARGET,
    newParticipants: row?.newParticipants ?? null,
    newReadyVolunteers: row?.newReadyVolunteers ?? null,
  };
}

export async function saveTargets(db: Tx, targets: HalfYearTargets): Promise<void> {
  const data = {
    newPairs: targets.newPairs,
    newParticipants: targets.newParticipants,
    newReadyVolunteers: targets.newReadyVolunteers,
  };
  await db.halfYearTarget.upsert({ where: { halfYear: targets.halfYear }, create: { halfYear: targets.halfYear, ...data }, update: data });
}

/** New pairs of a half-year: pairs that became ACTIVE within it (Oslo time), whatever they are now. */
export function newPairsIn(db: Tx, halfYear: HalfYearKey) {
  const { start, end } = halfYearRange(halfYear);
  return db.pair.count({ where: { activatedAt: { gte: start, lt: end } } });
}

const count = (value: bigint | number | null) => Number(value ?? 0);

/**
 * The participants referred in the half-year (by referral date), and how far each has come.
 * One aggregate query: loading the cohort with its status changes and pairs cost several
 * queries and thousands of rows at national scale.
 */
async function participantFunnel(db: Tx, halfYear: HalfYearKey) {
  const { start, end } = halfYearRange(halfYear);
  const accepted = Prisma.join(['ACCEPTED', 'MATCHED', 'COMPLETED']);
  const [row] = await db.$queryRaw<Record<'referred' | 'accepted' | 'matched' | 'active' | 'completed', bigint | number | null>[]>`
    SELECT COUNT(*) AS "referred",
      SUM(CASE WHEN pt."status" IN (${accepted}) OR EXISTS (SELECT 1 FROM "ParticipantStatusChange" c
        WHERE c."participantId" = pt."id" AND c."toStatus" IN (${accepted})) THEN 1 ELSE 0 END) AS "accepted",
      SUM(CASE WHEN EXISTS (SELECT 1 FROM "Pair" p WHERE p."participantId" = pt."id" AND p."activatedAt" IS NOT NULL) THEN 1 ELSE 0 END) AS "matched",
      SUM(CASE WHEN EXISTS (SELECT 1 FROM "Pair" p WHERE p."participantId" = pt."id" AND p."status" = 'ACTIVE') THEN 1 ELSE 0 END) AS "active",
      SUM(CASE WHEN pt."status" = 'COMPLETED' THEN 1 ELSE 0 END) AS "completed"
    FROM "Participant" pt
    WHERE EXISTS (SELECT 1 FROM "Referral" r WHERE r."participantId" = pt."id"
      AND r."referralDate" >= ${osloDate(start)} AND r."referralDate" <= ${osloDate(new Date(end.getTime() - 1))})`;
  return { referred: count(row.referred), accepted: count(row.accepted), matched: count(row.matched), active: count(row.active), completed: count(row.completed) };
}

/** Volunteers who applied in the half-year and how far each has come (one aggregate query). */
async function volunteerFunnel(db: Tx, halfYear: HalfYearKey) {
  const { start, end } = halfYearRange(halfYear);
  const matched = Prisma.sql`EXISTS (SELECT 1 FROM "Pair" p WHERE p."volunteerId" = v."id" AND p."activatedAt" IS NOT NULL)`;
  const [row] = await db.$queryRaw<Record<'applied' | 'screening' | 'ready' | 'matched', bigint | number | null>[]>`
    SELECT COUNT(*) AS "applied",
      SUM(CASE WHEN v."status" <> 'APPLIED' OR ${matched}
        OR EXISTS (SELECT 1 FROM "ScreeningInterview" i WHERE i."volunteerId" = v."id") THEN 1 ELSE 0 END) AS "screening",
      SUM(CASE WHEN v."status" = 'READY' OR ${matched} THEN 1 ELSE 0 END) AS "ready",
      SUM(CASE WHEN ${matched} THEN 1 ELSE 0 END) AS "matched"
    FROM "VolunteerProfile" v
    WHERE v."createdAt" >= ${start} AND v."createdAt" < ${end}`;
  return { applied: count(row.applied), screening: count(row.screening), ready: count(row.ready), matched: count(row.matched) };
}

/** Free places of ready volunteers: capacity minus their active and proposed pairs, never below zero. */
async function freeVolunteerPlaces(db: Tx): Promise<number> {
  const [row] = await db.$queryRaw<{ places: bigint | number | null }[]>`
    SELECT SUM(CASE WHEN t."free" > 0 THEN t."free" ELSE 0 END) AS "places"
    FROM (SELECT v."capacity" - (SELECT COUNT(*) FROM "Pair" p WHERE p."volunteerId" = v."id" AND p."status" IN ('ACTIVE', 'PROPOSED')) AS "free"
      FROM "VolunteerProfile" v WHERE v."status" = 'READY') t`;
  return count(row.places);
}

/** Target and new pairs of each half-year, in two queries. */
async function pairsHistory(db: Tx, keys: HalfYearKey[]) {
  const ranges = keys.map((halfYear) => halfYearRange(halfYear));
  const counts = ranges.map(
    ({ start, end }, index) => Prisma.sql`SUM(CASE WHEN "activatedAt" >= ${start} AND "activatedAt" < ${end} THEN 1 ELSE 0 END) AS ${Prisma.raw(`"h${index}"`)}`,
  );
  const [targets, [row]] = await Promise.all([
    db.halfYearTarget.findMany({ where: { halfYear: { in: keys } }, select: { halfYear: true, newPairs: true } }),
    db.$queryRaw<Record<string, bigint | number | null>[]>`
      SELECT ${Prisma.join(counts)} FROM "Pair" WHERE "activatedAt" >= ${ranges[0].start} AND "activatedAt" < ${ranges[ranges.length - 1].end}`,
  ]);
  const targetOf = new Map(targets.map((target) => [target.halfYear, target.newPairs]));
  return keys.map((halfYear, index) => ({ halfYear, target: targetOf.get(halfYear) ?? DEFAULT_PAIRS_TARGET, actual: count(row[`h${index}`]) }));
}

/** This half-year against its target, whether it is on track, the funnels and earlier half-years. */
export async function recruitmentStatus(db: Db, now = currentTime(), historyLength = 6) {
  const current = halfYearOf(now);
  const keys: HalfYearKey[] = [current];
  while (keys.length < historyLength) keys.unshift(previousHalfYear(keys[0]));
  const [history, freePlaces, waitingParticipants, participants, volunteersFunnel] = await Promise.all([
    pairsHistory(db, keys),
    freeVolunteerPlaces(db),
    db.participant.count({ where: { status: 'ACCEPTED', pairs: { none: { status: { in: ['ACTIVE', 'PROPOSED'] } } } } }),
    participantFunnel(db, current),
    volunteerFunnel(db, current),
  ]);
  const currentRow = history[history.length - 1];
  const projection = project({
    target: currentRow.target,
    actual: currentRow.actual,
    share: elapsedShare(current, now),
    waitingParticipants,
    freeVolunteerPlaces: freePlaces,
  });
  return {
    halfYear: current,
    projection,
    waitingParticipants,
    freeVolunteerPlaces: freePlaces,
    funnels: { participants, volunteers: volunteersFunnel },
    history,
  };
}

export type RecruitmentStatus = Awaited<ReturnType<typeof recruitmentStatus>>;
