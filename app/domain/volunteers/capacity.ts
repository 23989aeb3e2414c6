/**
 * The pairs in progress: a proposal awaiting its answer and an active pair. Each takes one of
 * the volunteer's places, and a participant with one is not waiting for a match.
 */
export const OPEN_PAIR_STATUSES = ['PROPOSED', 'ACTIVE'] as const;

/** A volunteer's free places: their capacity minus their open pairs, never below zero. */
export function freePlaces(volunteer: { capacity: number; openPairs: number }): number {
  return Math.max(0, volunteer.capacity - volunteer.openPairs);
}
