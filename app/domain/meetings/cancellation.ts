import { z } from 'zod';
import { errorMessage } from '~/lib/form-errors';
import { optionalText } from '~/lib/validation';
import type { MeetingStatus } from './constants';

/** Who called a meeting off ahead; each maps to the meeting's status. */
export const CANCELLED_BY = ['VOLUNTEER', 'PARTICIPANT', 'OTHER'] as const;
export type CancelledBy = (typeof CANCELLED_BY)[number];

const STATUS_FOR: Record<CancelledBy, MeetingStatus> = {
  VOLUNTEER: 'CANCELLED_BY_VOLUNTEER',
  PARTICIPANT: 'CANCELLED_BY_PARTICIPANT',
  OTHER: 'CANCELLED',
};

export function statusForCancellation(by: CancelledBy): MeetingStatus {
  return STATUS_FOR[by];
}

/**
 * "Avlys møtet": who and (optionally) why. Without `confirm` the page only asks to confirm;
 * nothing is changed until the second, deliberate press.
 */
export const cancelSchema = z.object({
  intent: z.literal('cancel'),
  cancelledBy: z.enum(CANCELLED_BY, { error: errorMessage('meetings.cancel.whoRequired') }),
  reason: optionalText(300),
  confirm: z.literal('yes').optional(),
});
