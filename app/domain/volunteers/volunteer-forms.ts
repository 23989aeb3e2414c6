import { z } from 'zod';
import { errorMessage } from '~/lib/form-errors';
import { LANGUAGES } from '~/lib/i18n';
import { isIsoDate } from '~/lib/time';
import { isoDateField, optionalText, requiredText } from '~/lib/validation';
import { certificateProblem } from './readiness';
import { INTERVIEW_OUTCOMES, REFERENCE_OUTCOMES } from './status';

/** How many participants one volunteer may mentor at once: none (held back) up to five. */
export const CAPACITY_MIN = 0;
export const CAPACITY_MAX = 5;

const optionalDate = z
  .string()
  .optional()
  .refine((value) => value === undefined || isoDateField.safeParse(value).success, { error: errorMessage('form.invalidDate') });

export const interviewSchema = z.object({
  intent: z.literal('interview'),
  heldOn: isoDateField,
  outcome: z.enum(INTERVIEW_OUTCOMES),
  note: optionalText(2000),
});

export const referenceSchema = z.object({
  intent: z.literal('reference'),
  name: requiredText(120),
  relation: requiredText(120),
  phone: optionalText(40),
  contactedOn: optionalDate,
  outcome: z.enum(REFERENCE_OUTCOMES),
  note: optionalText(2000),
});

export const referenceOutcomeSchema = z.object({
  intent: z.literal('reference-outcome'),
  referenceId: z.string().min(1),
  outcome: z.enum(REFERENCE_OUTCOMES),
});

export function certificateSchema(today: string) {
  return z.object({ intent: z.literal('certificate'), issueDate: isoDateField, shownDate: isoDateField }).superRefine((value, ctx) => {
    // Field checks do not stop this object check; an invalid date already has its message.
    if (!isIsoDate(value.issueDate) || !isIsoDate(value.shownDate)) return;
    const problem = certificateProblem({ ...value, today });
    if (problem === 'tooOld') {
      ctx.addIssue({
        code: 'custom',
        path: ['issueDate'],
        message: errorMessage('volunteers.certificateTooOld', { issued: value.issueDate, shown: value.shownDate }),
      });
    } else if (problem === 'shownInFuture') {
      ctx.addIssue({ code: 'custom', path: ['shownDate'], message: errorMessage('volunteers.certificateShownInFuture') });
    } else if (problem === 'issuedAfterShown') {
      ctx.addIssue({ code: 'custom', path: ['issueDate'], message: errorMessage('volunteers.certificateIssuedAfterShown') });
    }
  });
}

export const capacitySchema = z.object({
  intent: z.literal('capacity'),
  capacity: z
    .number({ error: errorMessage('form.required') })
    .int()
    .min(CAPACITY_MIN)
    .max(CAPACITY_MAX),
});
export const pauseSchema = z.object({ intent: z.literal('pause'), reason: requiredText(500) });
export const endSchema = z.object({ intent: z.literal('end'), reason: requiredText(500) });
export const resumeSchema = z.object({ intent: z.literal('resume') });
export const inviteSchema = z.object({ intent: z.literal('invite'), language: z.enum(LANGUAGES as ['nb', 'en']) });

/** Only a ready volunteer without a login yet can be invited to make one. */
export function mayInviteVolunteer(volunteer: { status: string; userId: string | null }): boolean {
  return volunteer.status === 'READY' && volunteer.userId === null;
}

/** -- release (#21): a prison visitor clearance, new (no clearanceId) or updated. */
export const clearanceSchema = z
  .object({
    intent: z.literal('clearance'),
    clearanceId: z.string().optional(),
    prison: requiredText(120),
    appliedOn: isoDateField,
    clearedOn: optionalDate,
    expiresOn: optionalDate,
  })
  .superRefine((value, ctx) => {
    if (value.clearedOn && isIsoDate(value.appliedOn) && value.clearedOn < value.appliedOn) {
      ctx.addIssue({ code: 'custom', path: ['clearedOn'], message: errorMessage('volunteers.clearanceClearedBeforeApplied') });
    }
    if (value.expiresOn && !value.clearedOn) {
      ctx.addIssue({ code: 'custom', path: ['clearedOn'], message: errorMessage('volunteers.clearanceExpiryNeedsCleared') });
    }
    if (value.expiresOn && value.clearedOn && value.expiresOn < value.clearedOn) {
      ctx.addIssue({ code: 'custom', path: ['expiresOn'], message: errorMessage('volunteers.clearanceExpiresBeforeCleared') });
    }
  });
