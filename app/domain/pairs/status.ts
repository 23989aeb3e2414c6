import { z } from 'zod';

/** DECLINED (by the volunteer) and WITHDRAWN (by the coordinator) close a proposal that never started. */
export const PAIR_STATUSES = ['PROPOSED', 'ACTIVE', 'ENDED', 'DECLINED', 'WITHDRAWN'] as const;
export const pairStatusSchema = z.enum(PAIR_STATUSES);
export type PairStatus = z.infer<typeof pairStatusSchema>;

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
