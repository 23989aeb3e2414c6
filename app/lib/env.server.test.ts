import { describe, expect, it } from 'vitest';
import { parseEnv } from './env.server';

const env = (values: Record<string, string>): NodeJS.ProcessEnv => ({ NODE_ENV: 'production', ...values });
const production = { DEMO_MODE: 'false', SESSION_SECRET: 'x'.repeat(40), SMTP_URL: 'smtp://localhost:2525' };

describe('PUBLIC_URL, where email links point', () => {
  it('follows the served port in demo mode when it is not set', () => {
    expect(parseEnv(env({ PORT: '4123' })).PUBLIC_URL).toBe('http://localhost:4123');
    expect(parseEnv(env({})).PUBLIC_URL).toBe('http://localhost:3000');
  });

  it('is the given address when set, in demo mode too', () => {
    expect(parseEnv(env({ PORT: '4123', PUBLIC_URL: 'http://192.168.1.20:4123' })).PUBLIC_URL).toBe('http://192.168.1.20:4123');
    const real = parseEnv(env({ ...production, PUBLIC_URL: 'https://brobygger.example.org' }));
    expect(real.PUBLIC_URL).toBe('https://brobygger.example.org');
    expect(real.secureCookies).toBe(true);
  });

  it('is required outside demo mode', () => {
    expect(() => parseEnv(env(production))).toThrow(/PUBLIC_URL: required when DEMO_MODE is off/);
  });
});
