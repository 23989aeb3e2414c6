import { describe, expect, it } from 'vitest';
import { generateRecoveryCodes, hashRecoveryCode, looksLikeTotp } from './two-factor';

describe('recovery codes', () => {
  it('are ten distinct codes, hashed forgivingly', () => {
    const codes = generateRecoveryCodes();
    expect(new Set(codes).size).toBe(10);
    for (const code of codes) expect(code).toMatch(/^[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}$/);
    expect(hashRecoveryCode(codes[0].toUpperCase().replace(/-/g, ' '))).toBe(hashRecoveryCode(codes[0]));
    expect(looksLikeTotp('123 456')).toBe(true);
    expect(looksLikeTotp(codes[0])).toBe(false);
  });
});
