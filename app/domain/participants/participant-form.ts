import { z } from 'zod';
import { errorMessage } from '~/lib/form-errors';
import { addDays, ageOn, isIsoDate, type IsoDate } from '~/lib/time';
import { emailField, optionalText, requiredText } from '~/lib/validation';
import { parsePhone } from '~/domain/participants/phone';

/** The programme takes young people aged 18–24 on the referral date. */
export const MIN_AGE = 18;
export const MAX_AGE = 24;

export const PROGRAMMES = ['ER_VIL_KAN', 'RUSSAMTALEN', 'KRIMFOKUS', 'VAGA_VALJA', 'PRISM', 'OTHER'] as const;
export type Programme = (typeof PROGRAMMES)[number];
export const PROGRAMME_STATUSES = ['ONGOING', 'COMPLETED', 'INTERRUPTED'] as const;
export const GENDERS = ['FEMALE', 'MALE', 'OTHER', 'UNSPECIFIED'] as const;
export const WISHED_GENDERS = ['NONE', 'FEMALE', 'MALE'] as const;

export type Eligibility = { eligible: true; age: number } | { eligible: false; age: number; reason: 'tooYoung' | 'tooOld' };

export function eligibility(dateOfBirth: IsoDate, referralDate: IsoDate): Eligibility {
  const age = ageOn(dateOfBirth, referralDate);
  if (age < MIN_AGE) return { eligible: false, age, reason: 'tooYoung' };
  if (age > MAX_AGE) return { eligible: false, age, reason: 'tooOld' };
  return { eligible: true, age };
}

/** "fotball, musikk , " → ["fotball", "musikk"] */
export function splitList(value: string): string[] {
  return value
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);
}

/** Same person, as people type names: case, accents' composition and spacing do not matter. */
export function sameName(a: { firstName: string; lastName: string }, b: { firstName: string; lastName: string }): boolean {
  const normal = (value: string) => value.normalize('NFC').trim().replace(/\s+/g, ' ').toLocaleLowerCase('nb');
  return normal(a.firstName) === normal(b.firstName) && normal(a.lastName) === normal(b.lastName);
}

// Names take any letters (Sámi, accents, emoji), but not markup or control characters.
// eslint-disable-next-line no-control-regex -- control characters are exactly what this refuses
const FORBIDDEN_IN_NAMES = /[<>{}[\]\\/=;"`]|[\u0000-\u001f\u007f]/;

const nameField = requiredText(100).refine((value) => !FORBIDDEN_IN_NAMES.test(value), {
  error: errorMessage('referrals.nameCharacters'),
});

function listField(maxItems = 20) {
  return optionalText(500)
    .transform((value) => (value ? splitList(value) : []))
    .refine((items) => items.length <= maxItems, { error: errorMessage('referrals.tooManyItems', { max: maxItems }) })
    .refine((items) => items.every((item) => item.length <= 60), { error: errorMessage('referrals.itemTooLong', { max: 60 }) });
}

/** A calendar date with a rule; the rule only sees valid dates and answers a message or null. */
export function dateField(rule: (date: IsoDate) => string | null) {
  return z
    .string({ error: errorMessage('form.required') })
    .trim()
    .superRefine((value, ctx) => {
      if (!isIsoDate(value)) {
        ctx.addIssue({ code: 'custom', message: errorMessage('form.invalidDate') });
        return;
      }
      const problem = rule(value);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    });
}

const phoneField = z
  .string()
  .trim()
  .max(30, { error: errorMessage('form.tooLong', { max: 30 }) })
  .optional()
  .refine((value) => !value || parsePhone(value) !== null, { error: errorMessage('referrals.invalidPhone') })
  .transform((value) => (value ? parsePhone(value)! : undefined));

/** The participant's own fields, shared by the referral form and the coordinator's edit form. */
export function participantFields(today: IsoDate) {
  return {
    firstName: nameField,
    lastName: nameField,
    dateOfBirth: dateField((date) => {
      if (date > today) return errorMessage('referrals.dateOfBirthFuture');
      const result = eligibility(date, today);
      if (!result.eligible) return errorMessage(`referrals.${result.reason}`, { age: result.age });
      return null;
    }),
    gender: z.enum(GENDERS).default('UNSPECIFIED'),
    phone: phoneField,
    email: emailField.optional(),
    prison: requiredText(200),
    prisonUnit: optionalText(200),
    // A referral may come shortly after release (probation office), but not years after it.
    expectedReleaseDate: dateField((date) => {
      if (date < addDays(today, -365)) return errorMessage('referrals.releaseTooEarly');
      if (date > addDays(today, 20 * 365)) return errorMessage('referrals.releaseTooLate');
      return null;
    }),
    releaseMunicipality: requiredText(100),
    interests: listField(),
    languages: listField(10),
    wishedGender: z.enum(WISHED_GENDERS).default('NONE'),
    volunteerWishes: optionalText(1000),
    needs: optionalText(2000),
  };
}

export const programmeRow = (today: IsoDate) =>
  z
    .object({
      programme: z.enum(PROGRAMMES),
      status: z.enum(['NONE', ...PROGRAMME_STATUSES] as const).default('NONE'),
      otherName: optionalText(100),
      startDate: dateField((date) => (date > today ? errorMessage('referrals.dateInFuture') : null)).optional(),
      endDate: dateField((date) => (date > today ? errorMessage('referrals.dateInFuture') : null)).optional(),
    })
    .superRefine((row, ctx) => {
      if (row.startDate && row.endDate && row.endDate < row.startDate) {
        ctx.addIssue({ code: 'custom', path: ['endDate'], message: errorMessage('referrals.endBeforeStart') });
      }
      if (row.programme === 'OTHER' && row.status !== 'NONE' && !row.otherName) {
        ctx.addIssue({ code: 'custom', path: ['otherName'], message: errorMessage('form.required') });
      }
    });

/**
 * The coordinator's edits of a participant. Date of birth stays as referred (eligibility was
 * judged on it); the release date may lie further back than at intake.
 */
export function participantEditSchema(today: IsoDate) {
  const { dateOfBirth: _dateOfBirth, ...fields } = participantFields(today);
  return z.object({
    ...fields,
    expectedReleaseDate: dateField((date) => {
      if (date < '2000-01-01') return errorMessage('referrals.releaseTooEarly');
      if (date > addDays(today, 20 * 365)) return errorMessage('referrals.releaseTooLate');
      return null;
    }),
  });
}

/** The participant's profile columns from a referral or an edit (form values → database). */
export function profileColumns(data: z.infer<ReturnType<typeof participantEditSchema>>) {
  return {
    firstName: data.firstName,
    lastName: data.lastName,
    gender: data.gender,
    phone: data.phone ?? null,
    email: data.email ?? null,
    prison: data.prison,
    prisonUnit: data.prisonUnit ?? null,
    expectedReleaseDate: data.expectedReleaseDate,
    releaseMunicipality: data.releaseMunicipality,
    interests: data.interests,
    languages: data.languages,
    wishedGender: data.wishedGender === 'NONE' ? null : data.wishedGender,
    volunteerWishes: data.volunteerWishes ?? null,
    needs: data.needs ?? null,
  };
}

/** Statuses the coordinator sets by hand; MATCHED comes from matching a pair. */
export const MANUAL_STATUSES = ['ACCEPTED', 'WAITLISTED', 'DECLINED', 'COMPLETED', 'WITHDRAWN'] as const;

export const statusChangeSchema = z
  .object({
    to: z.enum(MANUAL_STATUSES, { error: errorMessage('referrals.chooseStatus') }),
    reason: optionalText(1000),
    expectedStatus: z.string().optional(),
  })
  .superRefine((value, ctx) => {
    if (value.to === 'DECLINED' && !value.reason) {
      ctx.addIssue({ code: 'custom', path: ['reason'], message: errorMessage('referrals.reasonRequired') });
    }
  });

export const withdrawConsentSchema = z.object({
  reason: optionalText(1000),
  confirm: z.literal('on', { error: errorMessage('participants.confirmWithdrawal') }),
});
