import { z } from 'zod';
import { errorMessage } from '~/lib/form-errors';
import { osloDate, type IsoDate } from '~/lib/time';

/** Hours of a training session or a course requirement. */
export const hoursField = z
  .number({ error: errorMessage('training.hoursPositive') })
  .min(0.5, { error: errorMessage('training.hoursPositive') })
  .max(40, { error: errorMessage('training.hoursPositive') });

export const timeField = z
  .string({ error: errorMessage('form.required') })
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: errorMessage('training.invalidTime') });

/** Volunteers who have left take no courses (nor does an anonymised record). */
export const NOT_ENROLLABLE_STATUSES = ['LEFT'] as const;

export function mayEnrol(volunteer: { status: string; anonymisedAt: Date | null }): boolean {
  return !(NOT_ENROLLABLE_STATUSES as readonly string[]).includes(volunteer.status) && volunteer.anonymisedAt === null;
}

/** Attendance can be marked from the session's day on (Oslo date), not before. */
export function sessionOpen(startsAt: Date, today: IsoDate): boolean {
  return osloDate(startsAt) <= today;
}
