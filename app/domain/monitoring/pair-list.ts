import { addMonths } from '~/lib/time';
import type { Health } from '~/domain/pairs/pair-month';

/**
 * The /pairs list's choices (#22), without zod so the page's component may import them. Active
 * pairs show their month at a glance; proposals and ended pairs are lists of their own, the
 * ended ones with their outcome. Pairs on hold show their month like active ones (days on hold
 * carry no target).
 */
export const PAIR_LIST_STATUSES = ['ACTIVE', 'ON_HOLD', 'PROPOSED', 'ENDED'] as const;
export type PairListStatus = (typeof PAIR_LIST_STATUSES)[number];

export const HEALTHS = ['RED', 'AMBER', 'GREEN'] as const satisfies readonly Health[];

/** Ways to sort; which apply depends on the status (SORTS_OF). The first is the default. */
export const PAIR_SORTS = ['started', 'participant', 'volunteer', 'release', 'health', 'lastMeeting', 'ended', 'proposed'] as const;
export type PairSort = (typeof PAIR_SORTS)[number];

export const SORTS_OF: Record<PairListStatus, readonly PairSort[]> = {
  ACTIVE: ['started', 'health', 'lastMeeting', 'release', 'participant', 'volunteer'],
  ON_HOLD: ['started', 'lastMeeting', 'release', 'participant', 'volunteer'],
  PROPOSED: ['proposed', 'release', 'participant', 'volunteer'],
  ENDED: ['ended', 'started', 'participant', 'volunteer'],
};

export { RELEASE_WINDOWS, releaseRange, type ReleaseWindow } from '~/domain/participants/release-window';

/** Whole calendar months from one date to a later one: 15 Jan → 14 Apr is 2, → 15 Apr is 3. */
export function wholeMonthsBetween(from: string, to: string): number {
  if (to < from) return 0;
  let months = 0;
  while (addMonths(from, months + 1) <= to) months += 1;
  return months;
}
