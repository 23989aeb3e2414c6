import { describe, expect, it } from 'vitest';
import { generateRecoveryCodes, hashRecoveryCode, looksLikeTotp, mayTurnOffTwoFactor } from './two-factor';

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
