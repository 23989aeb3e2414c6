import { RUNNING_PAIR_STATUSES } from '~/lib/permissions.server';

/**
 * The pairs in progress: a proposal awaiting its answer and a running pair, active or on hold
 * (it keeps its place: the pair is expected to resume). Each takes one of the volunteer's
 * places, and a participant with one is not waiting for a match.
 */
export const OPEN_PAIR_STATUSES = ['PROPOSED', ...RUNNING_PAIR_STATUSES] as const;

/** A volunteer's free places: their capacity minus their open pairs, never below zero. */
export function freePlaces(volunteer: { capacity: number; openPairs: number }): number {
  return Math.max(0, volunteer.capacity - volunteer.openPairs);
}
