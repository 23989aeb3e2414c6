import type { Db } from '~/lib/db.server';
import { halfYearOf, previousHalfYear, type HalfYearKey } from '~/lib/time';
import { currentTime } from '~/lib/clock';
import {
  acceptedParticipants,
  appliedVolunteers,
  completedParticipants,
  halfYearOnTrack,
  halfYearPeriod,
  matchedParticipants,
  matchedVolunteers,
  newPairs,
  participantsActiveNow,
  readyVolunteers,
  referredParticipants,
} from '~/domain/figures/figures.server';
import { DEFAULT_PAIRS_TARGET } from '~/domain/recruitment/progress';

/** Target and new pairs (re-matches per the setting) of each half-year. */
async function pairsHistory(db: Db, keys: HalfYearKey[]) {
  const [targets, counts] = await Promise.all([
    db.halfYearTarget.findMany({ where: { halfYear: { in: keys } }, select: { halfYear: true, newPairs: true } }),
    Promise.all(keys.map(async (halfYear) => ({ halfYear, pairs: await newPairs(db, halfYearPeriod(halfYear)) }))),
  ]);
  const targetOf = new Map(targets.map((target) => [target.halfYear, target.newPairs]));
  return counts.map(({ halfYear, pairs }) => ({
    halfYear,
    target: targetOf.get(halfYear) ?? DEFAULT_PAIRS_TARGET,
    actual: pairs.counted,
    rematches: pairs.rematches,
  }));
}

/**
 * This half-year against its target, whether it is on track, what happened in it so far
 * (counted as the funder report counts the same half-year) and earlier half-years.
 */
export async function recruitmentStatus(db: Db, now = currentTime(), historyLength = 6) {
  const current = halfYearOf(now);
  const period = halfYearPeriod(current);
  const keys: HalfYearKey[] = [current];
  for (let earliest = current; keys.length < historyLength; keys.unshift(earliest)) earliest = previousHalfYear(earliest);
  const [verdict, history, referred, accepted, matched, active, completed, applied, ready, volunteersMatched] = await Promise.all([
    halfYearOnTrack(db, now),
    pairsHistory(db, keys),
    referredParticipants(db, period),
    acceptedParticipants(db, period),
    matchedParticipants(db, period),
    participantsActiveNow(db),
    completedParticipants(db, period),
    appliedVolunteers(db, period),
    readyVolunteers(db, period),
    matchedVolunteers(db, period),
  ]);
  return {
    halfYear: current,
    projection: verdict.projection,
    newPairs: verdict.newPairs,
    waitingParticipants: verdict.waitingParticipants,
    freeVolunteerPlaces: verdict.freeVolunteerPlaces,
    funnels: {
      participants: { referred, accepted, matched, active, completed },
      volunteers: { applied, ready, matched: volunteersMatched },
    },
    history,
  };
}

export type RecruitmentStatus = Awaited<ReturnType<typeof recruitmentStatus>>;
