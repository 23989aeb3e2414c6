import { describe, expect, it } from 'vitest';
import { newPasswordField, passwordProblem } from './password-policy';

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
