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

describe('SMS_URL and SMS_SENDER, the SMPP gateway', () => {
  const real = { ...production, PUBLIC_URL: 'https://brobygger.example.org' };

  it('is optional: without it the app runs with SMS off', () => {
    expect(parseEnv(env(real)).SMS_URL).toBeUndefined();
    expect(parseEnv(env(real)).SMS_SENDER).toBe('Brobygger');
  });

  it('takes smpp://system_id:password@host:port', () => {
    expect(parseEnv(env({ ...real, SMS_URL: 'smpp://brobygger:s3cret@smpp.example.org:2775' })).SMS_URL).toBe(
      'smpp://brobygger:s3cret@smpp.example.org:2775',
    );
  });

  it('refuses an address without credentials or port, and a sender too long for a phone', () => {
    expect(() => parseEnv(env({ ...real, SMS_URL: 'smpp://smpp.example.org:2775' }))).toThrow(
      /SMS_URL: expected smpp:\/\/system_id:password@host:port/,
    );
    expect(() => parseEnv(env({ ...real, SMS_URL: 'smpp://a:b@smpp.example.org' }))).toThrow(/SMS_URL/);
    expect(() => parseEnv(env({ ...real, SMS_SENDER: 'Brobygger Trondheim' }))).toThrow(/SMS_SENDER/);
    expect(parseEnv(env({ ...real, SMS_SENDER: '+4790000000' })).SMS_SENDER).toBe('+4790000000');
  });
});
