import { z } from 'zod';

export const PAIR_STATUSES = ['PROPOSED', 'ACTIVE', 'ENDED'] as const;
export const pairStatusSchema = z.enum(PAIR_STATUSES);
export type PairStatus = z.infer<typeof pairStatusSchema>;

/** An ended pair is never reopened: a new pair is made instead. */
export const PAIR_TRANSITIONS: Record<PairStatus, readonly PairStatus[]> = {
  PROPOSED: ['ACTIVE', 'ENDED'],
  ACTIVE: ['ENDED'],
  ENDED: [],
};

export const END_TYPES = ['PLANNED', 'UNPLANNED'] as const;
export const END_REASONS = ['PLAN_COMPLETED', 'PARTICIPANT_WITHDREW', 'VOLUNTEER_LEFT', 'REMATCHED', 'OTHER'] as const;
export type EndReason = (typeof END_REASONS)[number];
