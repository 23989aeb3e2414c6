/**
 * "Min plan" from the Er-Vil-Kan handbook: one row per life area, six columns.
 * Participants may add own areas (keys "custom:<id>").
 */
export const STANDARD_AREAS = ['NETWORK', 'ACTIVITY_DIET', 'WORK_EDUCATION', 'FINANCES', 'HOUSING'] as const;
export type StandardArea = (typeof STANDARD_AREAS)[number];

/** The seven goods of the Good Lives Model as the handbook names them. */
export const GOODS = ['HEALTH', 'INNER_PEACE', 'JOY', 'MASTERY', 'BELONGING', 'AUTONOMY', 'MEANING'] as const;
export type Good = (typeof GOODS)[number];

export const PLAN_COLUMNS = ['future', 'goods', 'strengths', 'opportunities', 'barriers', 'coping'] as const;
export type PlanColumn = (typeof PLAN_COLUMNS)[number];

export const REVIEW_STATUSES = ['NOT_STARTED', 'IN_PROGRESS', 'ACHIEVED', 'CHANGED', 'PAUSED'] as const;
export type ReviewStatus = (typeof REVIEW_STATUSES)[number];

export function isStandardArea(key: string): key is StandardArea {
  return (STANDARD_AREAS as readonly string[]).includes(key);
}
