import { describe, expect, it } from 'vitest';
import { errorMessage } from '~/lib/form-errors';
import { newPasswordField, newPasswordSchema, passwordChangeSchema, passwordProblem } from './password-policy';

describe('passwordProblem', () => {
  it('refuses common passwords, also with digits or symbols added and in other case', () => {
    expect(passwordProblem('passwordpassword', 'kari@example.no')).toBe('privacy.password.common');
    expect(passwordProblem('Passord2024!!!', 'kari@example.no')).toBe('privacy.password.common');
    expect(passwordProblem('QWERTYUIOP123', 'kari@example.no')).toBe('privacy.password.common');
    expect(passwordProblem('Correct Horse Battery Staple', 'kari@example.no')).toBe('privacy.password.common');
  });

  it('refuses one repeated character and the email’s local part', () => {
    expect(passwordProblem('xxxxxxxxxxxxxx', 'kari@example.no')).toBe('privacy.password.repeated');
    expect(passwordProblem('my name is kari.nordmann!', 'Kari.Nordmann@example.no')).toBe('privacy.password.containsEmail');
  });

  it('accepts a long sentence of one’s own', () => {
    expect(passwordProblem('bussen til Tunga går klokka sju', 'kari@example.no')).toBeNull();
  });

  it('is part of the new-password field, after the length rule', () => {
    const field = newPasswordField('kari@example.no');
    expect(field.safeParse('short').error?.issues[0]?.message).toBe('invite.passwordTooShort');
    expect(field.safeParse('iloveyou123456').error?.issues[0]?.message).toBe('privacy.password.common');
    expect(field.safeParse('tre grønne epler på benken').success).toBe(true);
  });
});

describe('the forms that set a new password', () => {
  const email = 'kari@example.no';
  const errorsOf = (result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
    Object.fromEntries((result.error?.issues ?? []).map((issue) => [issue.path.join('.'), issue.message]));

  it('ask for the new password twice, the same both times', () => {
    const schema = newPasswordSchema(email, {});
    expect(schema.safeParse({ password: 'bussen til Tunga går klokka sju', confirm: 'bussen til Tunga går klokka sju' }).success).toBe(
      true,
    );
    expect(
      errorsOf(schema.safeParse({ password: 'bussen til Tunga går klokka sju', confirm: 'bussen til Tunga går klokka åtte' })),
    ).toEqual({
      confirm: errorMessage('invite.passwordMismatch'),
    });
  });

  it('apply every password rule to the new one', () => {
    const result = newPasswordSchema(email, {}).safeParse({ password: 'kort', confirm: 'kort' });
    expect(errorsOf(result).password).toBe(errorMessage('invite.passwordTooShort'));
  });

  it('changing one’s password also needs the current one', () => {
    const schema = passwordChangeSchema(email);
    const change = { intent: 'password', password: 'bussen til Tunga går klokka sju', confirm: 'bussen til Tunga går klokka sju' };
    expect(schema.safeParse({ ...change, currentPassword: 'det gamle passordet' }).success).toBe(true);
    expect(errorsOf(schema.safeParse(change))).toEqual({ currentPassword: errorMessage('form.required') });
  });
});
