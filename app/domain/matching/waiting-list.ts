/** The /matching list's choices (#22), without zod so the page's component may import them. */

/** Ways to sort the waiting list; the first is the default (the most urgent first). */
export const WAITING_SORTS = ['release', 'waiting'] as const;
export type WaitingSort = (typeof WAITING_SORTS)[number];
