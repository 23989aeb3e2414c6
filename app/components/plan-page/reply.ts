import type { SubmissionResult } from '@conform-to/react';

/** What the plan page's action answers a refused save or review with. */
export type PlanReply = { intent: 'save' | 'review'; result: SubmissionResult<string[]> };
