import { z } from 'zod';
import { errorMessage } from './form-errors';
import { isIsoDate } from './time';

/** Shared field rules for forms; messages are message keys (see form-errors.ts). */

export function requiredText(max = 200) {
  return z
    .string({ error: errorMessage('form.required') })
    .trim()
    .min(1, { error: errorMessage('form.required') })
    .max(max, { error: errorMessage('form.tooLong', { max }) });
}

export function optionalText(max = 2000) {
  return z
    .string()
    .trim()
    .max(max, { error: errorMessage('form.tooLong', { max }) })
    .optional()
    .transform((value) => (value ? value : undefined));
}

export const emailField = z
  .string({ error: errorMessage('form.required') })
  .trim()
  .toLowerCase()
  .max(254, { error: errorMessage('form.tooLong', { max: 254 }) })
  .pipe(z.email({ error: errorMessage('form.invalidEmail') }));

export const isoDateField = z
  .string({ error: errorMessage('form.required') })
  .refine(isIsoDate, { error: errorMessage('form.invalidDate') });
