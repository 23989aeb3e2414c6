import { z } from 'zod';
import { errorMessage } from '~/lib/form-errors';
import { isIsoDate, osloDate, resolveOsloTime, type IsoDate } from '~/lib/time';
import { isoDateField, optionalText } from '~/lib/validation';

/** Hours of a training session or a course requirement. */
export const hoursField = z
  .number({ error: errorMessage('training.hoursPositive') })
  .min(0.5, { error: errorMessage('training.hoursPositive') })
  .max(40, { error: errorMessage('training.hoursPositive') });

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

export const timeField = z.string({ error: errorMessage('form.required') }).regex(TIME, { error: errorMessage('training.invalidTime') });

/** A new session of a course: its Oslo date and time, hours and topic. */
export const trainingSessionSchema = z
  .object({
    intent: z.literal('session'),
    date: isoDateField,
    time: timeField,
    hours: hoursField,
    topic: optionalText(200),
  })
  .superRefine((session, ctx) => {
    // A time the clocks skip that night (spring) is refused next to the field, never saved as another.
    if (!isIsoDate(session.date) || !TIME.test(session.time)) return;
    const resolved = resolveOsloTime(session.date, session.time);
    if (resolved.kind === 'gap')
      ctx.addIssue({ code: 'custom', path: ['time'], message: errorMessage('localTime.gap', { from: resolved.from, to: resolved.to }) });
  });

/** Volunteers who have left take no courses (nor does an anonymised record). */
export const NOT_ENROLLABLE_STATUSES = ['LEFT'] as const;

export function mayEnrol(volunteer: { status: string; anonymisedAt: Date | null }): boolean {
  return !(NOT_ENROLLABLE_STATUSES as readonly string[]).includes(volunteer.status) && volunteer.anonymisedAt === null;
}

/** Attendance can be marked from the session's day on (Oslo date), not before. */
export function sessionOpen(startsAt: Date, today: IsoDate): boolean {
  return osloDate(startsAt) <= today;
}
