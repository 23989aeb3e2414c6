import { z } from 'zod';
import { errorMessage } from '~/lib/form-errors';
import { optionalText } from '~/lib/validation';
import { PARTICIPANT_TRANSITIONS, type ParticipantStatus } from '~/domain/participants/status';

export const DECISIONS = ['ACCEPTED', 'WAITLISTED', 'DECLINED'] as const;
export type Decision = (typeof DECISIONS)[number];

export const decisionSchema = z
  .object({
    decision: z.enum(DECISIONS, { error: errorMessage('referrals.chooseDecision') }),
    reason: optionalText(1000),
    expectedStatus: z.string().optional(),
  })
  .superRefine((value, ctx) => {
    if (value.decision === 'DECLINED' && !value.reason) {
      ctx.addIssue({ code: 'custom', path: ['reason'], message: errorMessage('referrals.reasonRequired') });
    }
  });
export type DecisionInput = z.infer<typeof decisionSchema>;

export function isDecision(status: string): status is Decision {
  return (DECISIONS as readonly string[]).includes(status);
}

/**
 * The triage decisions open from a status. A matched participant going back to ACCEPTED is a
 * re-match, not a decision on the referral, so nothing is offered (or told) then.
 */
export function decisionsFrom(status: ParticipantStatus): Decision[] {
  return status === 'MATCHED' ? [] : PARTICIPANT_TRANSITIONS[status].filter(isDecision);
}
