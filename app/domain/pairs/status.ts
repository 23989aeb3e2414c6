import { z } from 'zod';

/**
 * DECLINED (by the volunteer) and WITHDRAWN (by the coordinator) close a proposal that never
 * started. ON_HOLD pauses an active pair (back in custody, in treatment, away): no monthly
 * target and no "behind" or inactivity alert while it lasts (decision 016).
 */
export const PAIR_STATUSES = ['PROPOSED', 'ACTIVE', 'ON_HOLD', 'ENDED', 'DECLINED', 'WITHDRAWN'] as const;
export const pairStatusSchema = z.enum(PAIR_STATUSES);
export type PairStatus = z.infer<typeof pairStatusSchema>;

/** The one table of allowed pair transitions. An ended pair is never reopened: a new pair is made instead. */
export const PAIR_TRANSITIONS: Record<PairStatus, readonly PairStatus[]> = {
  PROPOSED: ['ACTIVE', 'DECLINED', 'WITHDRAWN'],
  ACTIVE: ['ON_HOLD', 'ENDED'],
  ON_HOLD: ['ACTIVE', 'ENDED'],
  ENDED: [],
  DECLINED: [],
  WITHDRAWN: [],
};

export function canTransition(from: PairStatus, to: PairStatus): boolean {
  return PAIR_TRANSITIONS[from].includes(to);
}

/** Pairs under way: started and not ended. Meetings, concerns and support go on; an on-hold pair keeps the volunteer's place. */
export const RUNNING_PAIR_STATUSES = ['ACTIVE', 'ON_HOLD'] as const satisfies readonly PairStatus[];
/**
 * The database holds "one running pair per participant" too, with this partial unique index
 * over RUNNING_PAIR_STATUSES (recreated with ON_HOLD by migration 20261203030000_release_history;
 * status.test.ts compares the two).
 */
export const ONE_RUNNING_PAIR_INDEX = 'Pair_one_active_per_participant';
/*
 * The sets of statuses that rules share are defined where the areas below pairs can import them
 * (this module is also read by pages, so it re-exports nothing server-only): running (active or
 * on hold) and started (running or ended) in ~/lib/permissions.server, beside the record scopes
 * that use them; open (proposed or running: takes a volunteer's place) in
 * ~/domain/volunteers/capacity. status.test.ts checks them against this table.
 */

export const HOLD_REASONS = ['CUSTODY', 'TREATMENT', 'AWAY', 'OTHER'] as const;
export const holdReasonSchema = z.enum(HOLD_REASONS);
export type HoldReason = z.infer<typeof holdReasonSchema>;

export const END_TYPES = ['PLANNED', 'UNPLANNED'] as const;
export const END_REASONS = ['PLAN_COMPLETED', 'PARTICIPANT_WITHDREW', 'VOLUNTEER_LEFT', 'REMATCHED', 'OTHER'] as const;
export type EndReason = (typeof END_REASONS)[number];
