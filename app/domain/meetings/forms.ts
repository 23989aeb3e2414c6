import { z } from 'zod';
import { errorMessage } from '~/lib/form-errors';
import { isIsoDate, OCCURRENCES, osloInstant, resolveOsloTime } from '~/lib/time';
import { isoDateField, optionalText } from '~/lib/validation';
import { GOODS } from '~/domain/plans/areas';
import { confirmUrgentField } from '~/domain/concerns/forms';
import { logOutcomeSchema, placeTypeSchema } from './constants';
import { allowedPlaceTypes } from './planning';
import { ACCOMPANIMENT_KINDS } from '~/domain/participants/service-tracker';

export function wholeNumber(min: number, max: number) {
  const message = errorMessage('meetings.invalidNumber', { min, max });
  return z.number({ error: message }).int({ error: message }).min(min, { error: message }).max(max, { error: message });
}

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
const timeField = z.string({ error: errorMessage('form.required') }).regex(TIME, { error: errorMessage('meetings.invalidTime') });

/**
 * One meeting's start (Oslo date and time), length and place, checked against the release date
 * and (-- release #21) whether the volunteer is cleared to visit the prison on that date.
 */
export function meetingDraftSchema(releaseDate: string, now: Date, prisonCleared: (date: string) => boolean = () => true) {
  return z
    .object({
      include: z.boolean().optional(),
      date: isoDateField,
      time: timeField,
      durationMinutes: wholeNumber(15, 480),
      placeType: placeTypeSchema,
      place: optionalText(120),
      /** Only for a time the clocks show twice (the autumn night): first = summer time, second = winter time. */
      fold: z.enum(OCCURRENCES).optional(),
      /** A meeting at the gate on the release day (#21): only on the release date. */
      gate: z.boolean().optional(),
      /** -- services (#21): an accompaniment to an appointment (empty: an ordinary meeting). */
      accompaniment: z.enum(ACCOMPANIMENT_KINDS).optional(),
    })
    .superRefine((draft, ctx) => {
      // Zod runs this even when a field above failed; those fields already carry their message.
      if (!isIsoDate(draft.date) || !TIME.test(draft.time)) return;
      if (draft.gate && draft.date !== releaseDate) {
        ctx.addIssue({ code: 'custom', path: ['gate'], message: errorMessage('firstWeek.gateNotReleaseDay', { date: releaseDate }) });
      }
      if (!allowedPlaceTypes(releaseDate, draft.date).includes(draft.placeType)) {
        // -- release (#21): the same rule as the re-plan flag (releaseMisfit), against the date in force, named in the message.
        ctx.addIssue({
          code: 'custom',
          path: ['placeType'],
          message: errorMessage('meetings.placeTypeNotAllowedOn', { date: releaseDate }),
        });
      } else if (draft.placeType === 'PRISON_VISIT' && !prisonCleared(draft.date)) {
        ctx.addIssue({ code: 'custom', path: ['placeType'], message: errorMessage('meetings.noClearance') });
      }
      const resolved = resolveOsloTime(draft.date, draft.time);
      if (resolved.kind === 'gap') {
        ctx.addIssue({ code: 'custom', path: ['time'], message: errorMessage('localTime.gap', { from: resolved.from, to: resolved.to }) });
        return;
      }
      if (resolved.kind === 'fold' && !draft.fold) {
        ctx.addIssue({
          code: 'custom',
          path: ['fold'],
          message: errorMessage('localTime.foldChoose', { from: resolved.from, to: resolved.to }),
        });
        return;
      }
      if (osloInstant(draft.date, draft.time, draft.fold).getTime() <= now.getTime()) {
        ctx.addIssue({ code: 'custom', path: ['date'], message: errorMessage('meetings.inPast') });
      }
    });
}

export type MeetingDraftValue = z.infer<ReturnType<typeof meetingDraftSchema>>;

export function toDraft(value: MeetingDraftValue) {
  return {
    startsAt: osloInstant(value.date, value.time, value.fold),
    durationMinutes: value.durationMinutes,
    placeType: value.placeType,
    place: value.place,
    gateMeeting: value.gate ?? false,
    accompanimentKind: value.accompaniment ?? null,
  };
}

/** The log form: the held-only answers are required only when the meeting was held. */
export const logSchema = z
  .object({
    intent: z.literal('log'),
    outcome: logOutcomeSchema,
    durationMinutes: wholeNumber(5, 600).optional(),
    activity: optionalText(300),
    rating: wholeNumber(1, 5).optional(),
    areas: z.array(z.string().max(100)).max(20).default([]),
    goods: z.array(z.enum(GOODS)).max(GOODS.length).default([]),
    note: optionalText(500),
    concern: optionalText(2000),
    concernUrgent: z.boolean().default(false),
    confirmUrgent: confirmUrgentField,
    /** -- services (#21): the meeting was an accompaniment to an appointment (NONE: an ordinary meeting; absent: as planned). */
    accompaniment: z.enum([...ACCOMPANIMENT_KINDS, 'NONE']).optional(),
  })
  .superRefine((log, ctx) => {
    if (log.outcome !== 'HELD') return;
    if (log.rating === undefined) ctx.addIssue({ code: 'custom', path: ['rating'], message: errorMessage('meetings.log.ratingRequired') });
    if (log.durationMinutes === undefined)
      ctx.addIssue({ code: 'custom', path: ['durationMinutes'], message: errorMessage('form.required') });
  });
