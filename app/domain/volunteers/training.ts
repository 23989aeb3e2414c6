import { z } from 'zod';
import { errorMessage } from '~/lib/form-errors';

/** Hours of a training session or a course requirement. */
export const hoursField = z
  .number({ error: errorMessage('training.hoursPositive') })
  .min(0.5, { error: errorMessage('training.hoursPositive') })
  .max(40, { error: errorMessage('training.hoursPositive') });

export const timeField = z
  .string({ error: errorMessage('form.required') })
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: errorMessage('training.invalidTime') });
