import { z } from 'zod';
import { errorMessage } from '~/lib/form-errors';
import { requiredText } from '~/lib/validation';
import { canChangeParticipantStatus, type ParticipantStatus } from '~/domain/participants/status';

/**
 * The referrer may withdraw their referral only while it waits for the coordinator's decision
 * (REFERRED → WITHDRAWN in the participant's lifecycle). Once it is decided — accepted,
 * waitlisted, declined, matched — only the coordinator changes the participant's status.
 */
export function referrerMayWithdraw(status: ParticipantStatus): boolean {
  return status === 'REFERRED' && canChangeParticipantStatus(status, 'WITHDRAWN');
}

/** The withdrawal form: a reason, and a deliberate tick that confirms it; nothing pre-chosen. */
export const withdrawalSchema = z.object({
  reason: requiredText(1000),
  confirm: z.literal('on', { error: errorMessage('referralWithdraw.confirmRequired') }),
});
export type WithdrawalInput = z.infer<typeof withdrawalSchema>;
