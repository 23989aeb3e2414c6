/**
 * The pairs in progress: a proposal awaiting its answer, an active pair and one on hold (it
 * keeps its place: the pair is expected to resume). Each takes one of the volunteer's places,
 * and a participant with one is not waiting for a match. Volunteers sit below pairs in the
 * layer order, so this copies OPEN_PAIR_STATUSES of app/domain/pairs/status.ts; its test keeps
 * the two equal.
 */
export const OPEN_PAIR_STATUSES = ['PROPOSED', 'ACTIVE', 'ON_HOLD'] as const;

/** A volunteer's free places: their capacity minus their open pairs, never below zero. */
export function freePlaces(volunteer: { capacity: number; openPairs: number }): number {
  return Math.max(0, volunteer.capacity - volunteer.openPairs);
}
