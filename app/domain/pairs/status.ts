import { z } from 'zod';

/** DECLINED (by the volunteer) and WITHDRAWN (by the coordinator) close a proposal that never started. */
export const PAIR_STATUSES = ['PROPOSED', 'ACTIVE', 'ENDED', 'DECLINED', 'WITHDRAWN'] as const;
export const pairStatusSchema = z.enum(PAIR_STATUSES);
export type PairStatus = z.infer<typeof pairStatusSchema>;

/**
 * The statuses of a running pair: a participant has at most one pair in them at a time. The
 * database holds the rule too, with the partial unique index `Pair_one_active_per_participant`
 * (migration 20261203020000_one_open_pair), whose `WHERE "status" IN (…)` lists exactly these
 * (a test compares the two): a second running pair is refused even when two instances check at
 * once. There is no "on hold" status; a paused pair stays ACTIVE.
 */
export const RUNNING_PAIR_STATUSES = ['ACTIVE'] as const satisfies readonly PairStatus[];
/** The name of the index that holds RUNNING_PAIR_STATUSES. */
export const ONE_RUNNING_PAIR_INDEX = 'Pair_one_active_per_participant';

/** An ended pair is never reopened: a new pair is made instead. */
export const PAIR_TRANSITIONS: Record<PairStatus, readonly PairStatus[]> = {
  PROPOSED: ['ACTIVE', 'DECLINED', 'WITHDRAWN'],
  ACTIVE: ['ENDED'],
  ENDED: [],
  DECLINED: [],
  WITHDRAWN: [],
};

export const END_TYPES = ['PLANNED', 'UNPLANNED'] as const;
export const END_REASONS = ['PLAN_COMPLETED', 'PARTICIPANT_WITHDREW', 'VOLUNTEER_LEFT', 'REMATCHED', 'OTHER'] as const;
export type EndReason = (typeof END_REASONS)[number];
