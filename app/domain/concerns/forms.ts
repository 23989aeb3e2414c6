import { z } from 'zod';
import { requiredText } from '~/lib/validation';

/** The confirmation an urgent concern needs: the button under the emergency numbers. */
export const confirmUrgentField = z.literal('yes').optional();

/** A concern raised on its own, without a meeting. */
export const concernSchema = z.object({
  text: requiredText(2000),
  urgent: z.boolean().default(false),
  confirmUrgent: confirmUrgentField,
});

export type ConcernFormValue = z.infer<typeof concernSchema>;
