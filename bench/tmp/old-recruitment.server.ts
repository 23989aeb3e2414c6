import type { Db, Tx } from '~/lib/db.server';
import { loadCandidateVolunteers } from '~/domain/matching/matching.server';
import { halfYearOf, halfYearRange, osloDate, previousHalfYear, type HalfYearKey } from '~/lib/time';
import { DEFAULT_PAIRS_TARGET, elapsedShare, project } from '~/domain/recruitment/progress';

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

/** The participants referred in the half-year (by referral date), and how far each has come. */
async function participantFunnel(db: Db, halfYear: HalfYearKey) {
  const { start, end } = halfYearRange(halfYear);
  const referralDate = { gte: osloDate(start), lte: osloDate(new Date(end.getTime() - 1)) };
  const cohort = await db.participant.findMany({
    where: { referrals: { some: { referralDate } } },
    select: {
      status: true,
      statusChanges: { select: { toStatus: true } },
      pairs: { select: { status: true, activatedAt: true } },
    },
  });
  const reached = (p: (typeof cohort)[number], statuses: string[]) =>
    statuses.includes(p.status) || p.statusChanges.some((change) => statuses.includes(change.toStatus));
  return {
    referred: cohort.length,
    accepted: cohort.filter((p) => reached(p, ['ACCEPTED', 'MATCHED', 'COMPLETED'])).length,
    matched: cohort.filter((p) => p.pairs.some((pair) => pair.activatedAt !== null)).length,
    active: cohort.filter((p) => p.pairs.some((pair) => pair.status === 'ACTIVE')).length,
    completed: cohort.filter((p) => p.status === 'COMPLETED').length,
  };
}

async function volunteerFunnel(db: Db, halfYear: HalfYearKey) {
  const { start, end } = halfYearRange(halfYear);
  const cohort = await db.volunteerProfile.findMany({
    where: { createdAt: { gte: start, lt: end } },
    select: {
      status: true,
      _count: { select: { interviews: true } },
      pairs: { select: { activatedAt: true } },
    },
  });
  const matched = (v: (typeof cohort)[number]) => v.pairs.some((pair) => pair.activatedAt !== null);
  const ready = (v: (typeof cohort)[number]) => v.status === 'READY' || matched(v);
  return {
    applied: cohort.length,
    screening: cohort.filter((v) => v.status !== 'APPLIED' || v._count.interviews > 0 || ready(v)).length,
    ready: cohort.filter(ready).length,
    matched: cohort.filter(matched).length,
  };
}

/** This half-year against its target, whether it is on track, the funnels and earlier half-years. */
export async function recruitmentStatus(db: Db, now = new Date(), historyLength = 6) {
  const current = halfYearOf(now);
  const keys: HalfYearKey[] = [current];
  while (keys.length < historyLength) keys.unshift(previousHalfYear(keys[0]));
  const [history, volunteers, waitingParticipants, participants, volunteersFunnel] = await Promise.all([
    Promise.all(
      keys.map(async (halfYear) => ({ halfYear, target: (await targetsFor(db, halfYear)).newPairs, actual: await newPairsIn(db, halfYear) })),
    ),
    loadCandidateVolunteers(db),
    db.participant.count({ where: { status: 'ACCEPTED', pairs: { none: { status: { in: ['ACTIVE', 'PROPOSED'] } } } } }),
    participantFunnel(db, current),
    volunteerFunnel(db, current),
  ]);
  const currentRow = history[history.length - 1];
  const freeVolunteerPlaces = volunteers.reduce((sum, v) => sum + Math.max(0, v.capacity - v.openPairs), 0);
  const projection = project({
    target: currentRow.target,
    actual: currentRow.actual,
    share: elapsedShare(current, now),
    waitingParticipants,
    freeVolunteerPlaces,
  });
  return {
    halfYear: current,
    projection,
    waitingParticipants,
    freeVolunteerPlaces,
    funnels: { participants, volunteers: volunteersFunnel },
    history,
  };
}

export type RecruitmentStatus = Awaited<ReturnType<typeof recruitmentStatus>>;
