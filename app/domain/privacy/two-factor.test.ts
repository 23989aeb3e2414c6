import { describe, expect, it } from 'vitest';
import { generateRecoveryCodes, hashRecoveryCode, looksLikeTotp, mayTurnOffTwoFactor, secondFactorStep } from './two-factor';

describe('secondFactorStep', () => {
  const enabled = new Date('2026-11-01T10:00:00Z');
  it('asks a coordinator with a second factor to pass it once per session', () => {
    expect(secondFactorStep({ role: 'COORDINATOR', totpEnabledAt: enabled }, { verifiedAt: null }, true)).toBe('verify');
    expect(secondFactorStep({ role: 'COORDINATOR', totpEnabledAt: enabled }, { verifiedAt: new Date() }, false)).toBeNull();
  });
  it('requires setup outside demo mode only', () => {
    expect(secondFactorStep({ role: 'COORDINATOR', totpEnabledAt: null }, { verifiedAt: null }, false)).toBe('setup');
    expect(secondFactorStep({ role: 'COORDINATOR', totpEnabledAt: null }, { verifiedAt: null }, true)).toBeNull();
  });
  it('never applies to volunteers and probation officers', () => {
    expect(secondFactorStep({ role: 'VOLUNTEER', totpEnabledAt: null }, { verifiedAt: null }, false)).toBeNull();
    expect(secondFactorStep({ role: 'PROBATION_OFFICER', totpEnabledAt: null }, { verifiedAt: null }, false)).toBeNull();
  });
});

describe('recovery codes', () => {
  it('are ten distinct codes, hashed forgivingly', () => {
    const codes = generateRecoveryCodes();
    expect(new Set(codes).size).toBe(10);
    for (const code of codes) expect(code).toMatch(/^[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}$/);
    const [code = ''] = codes;
    expect(hashRecoveryCode(code.toUpperCase().replace(/-/g, ' '))).toBe(hashRecoveryCode(code));
    expect(looksLikeTotp('123 456')).toBe(true);
    expect(looksLikeTotp(code)).toBe(false);
  });
});

describe('turning the second factor off', () => {
  it('is allowed in demo mode only, where it is not required', () => {
    expect(mayTurnOffTwoFactor(true)).toBe(true);
    expect(mayTurnOffTwoFactor(false)).toBe(false);
  });
});
