import { z } from 'zod';
import { COMMON_PASSWORDS } from '~/lib/common-passwords';
import { errorMessage } from '~/lib/form-errors';

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 200;

export type PasswordProblem = 'privacy.password.common' | 'privacy.password.containsEmail' | 'privacy.password.repeated';

/**
 * Why a new password is refused (beyond its length), or null. Checked wherever a password
 * is set; runs in the browser too, so it makes no network calls.
 */
export function passwordProblem(password: string, email: string): PasswordProblem | null {
  const lower = password.toLowerCase();
  if (/^(.)\1*$/su.test(password)) return 'privacy.password.repeated';
  // A common password with digits or symbols added at the end is still that password.
  const stem = lower.replace(/[\d\s!-/:-@[-`{-~]+$/u, '');
  if (COMMON_PASSWORDS.has(lower) || COMMON_PASSWORDS.has(stem) || COMMON_PASSWORDS.has(lower.replace(/\s+/g, ''))) {
    return 'privacy.password.common';
  }
  const local = email.split('@')[0]?.toLowerCase() ?? '';
  if (local.length >= 3 && lower.includes(local)) return 'privacy.password.containsEmail';
  return null;
}

/** The new-password field with every rule: length, then passwordProblem. */
export function newPasswordField(email: string) {
  return z
    .string({ error: errorMessage('form.required') })
    .min(PASSWORD_MIN_LENGTH, { error: errorMessage('invite.passwordTooShort') })
    .max(PASSWORD_MAX_LENGTH, { error: errorMessage('form.tooLong', { max: PASSWORD_MAX_LENGTH }) })
    .superRefine((password, ctx) => {
      const problem = passwordProblem(password, email);
      if (problem) ctx.addIssue({ code: 'custom', message: errorMessage(problem) });
    });
}

/**
 * A form that sets a new password: the password with every rule, typed twice, beside the
 * form's other fields (the current password when changing it, the name when accepting an invitation).
 */
export function newPasswordSchema<Shape extends z.ZodRawShape>(email: string, shape: Shape) {
  return z.object({ ...shape, password: newPasswordField(email), confirm: z.string({ error: errorMessage('form.required') }) }).refine(
    (value) => {
      const typed = value as { password: string; confirm: string };
      return typed.password === typed.confirm;
    },
    { path: ['confirm'], error: errorMessage('invite.passwordMismatch') },
  );
}

/** Changing one's password: the current one, then the new one twice. */
export function passwordChangeSchema(email: string) {
  return newPasswordSchema(email, {
    intent: z.literal('password'),
    currentPassword: z.string({ error: errorMessage('form.required') }).max(1000),
  });
}
