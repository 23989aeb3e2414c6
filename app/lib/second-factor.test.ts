import { describe, expect, it } from 'vitest';
import { secondFactorStep } from './second-factor';

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
