import { z } from 'zod';
import { errorMessage } from '~/lib/form-errors';
import { ageOn, isIsoDate, type IsoDate } from '~/lib/time';
import { emailField, isoDateField, optionalText, requiredText } from '~/lib/validation';
import { AVAILABILITY } from './status';

export const GENDERS = ['FEMALE', 'MALE', 'OTHER', 'UNSPECIFIED'] as const;

/** The honeypot: hidden from people, filled in by naive bots. */
export const HONEYPOT_FIELD = 'website';

/** Whether a form came from a bot: its honeypot has something in it. */
export function filledHoneypot(formData: FormData): boolean {
  const honeypot = formData.get(HONEYPOT_FIELD);
  return typeof honeypot === 'string' && honeypot.trim() !== '';
}

function listField() {
  return z
    .string()
    .max(500, { error: errorMessage('form.tooLong', { max: 500 }) })
    .optional()
    .transform((value) =>
      (value ?? '')
        .split(',')
        .map((item) => item.trim())
        .filter(Boolean)
        .slice(0, 20),
    );
}

/** The public application form. The minimum age is a programme setting, judged on today's Oslo date. */
export function applicationSchema(input: { minAge: number; today: IsoDate }) {
  return z.object({
    firstName: requiredText(100),
    lastName: requiredText(100),
    email: emailField,
    phone: requiredText(40),
    dateOfBirth: isoDateField.superRefine((value, ctx) => {
      if (!isIsoDate(value)) return;
      const age = ageOn(value, input.today);
      if (value > input.today || age > 110) {
        ctx.addIssue({ code: 'custom', message: errorMessage('form.invalidDate') });
      } else if (age < input.minAge) {
        ctx.addIssue({ code: 'custom', message: errorMessage('volunteers.apply.tooYoung', { age, min: input.minAge }) });
      }
    }),
    gender: z.enum(GENDERS).optional(),
    municipality: requiredText(100),
    interests: listField(),
    languages: listField(),
    availability: z
      .array(z.enum(AVAILABILITY), { error: errorMessage('volunteers.apply.availabilityRequired') })
      .min(1, { error: errorMessage('volunteers.apply.availabilityRequired') }),
    motivation: requiredText(2000),
    experience: optionalText(2000),
    consent: z
      .boolean({ error: errorMessage('volunteers.apply.consentRequired') })
      .refine((value) => value, { error: errorMessage('volunteers.apply.consentRequired') }),
  });
}

export type Application = z.infer<ReturnType<typeof applicationSchema>>;
