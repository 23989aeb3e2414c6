import { describe, expect, it } from 'vitest';
import { renderEmail } from './email-templates';

const ISO_DATE = /\b\d{4}-\d{2}-\d{2}\b/;
const HALF_YEAR_KEY = /\b\d{4}-H[12]\b/;

describe('email texts', () => {
  it('write half-years, months and dates as words, never as stored keys', () => {
    const emails = (['nb', 'en'] as const).flatMap((language) => [
      renderEmail(
        'half-year-status',
        {
          kind: 'start',
          halfYear: '2026-H2',
          actual: 0,
          target: 10,
          status: 'ON_TRACK',
          previous: { halfYear: '2026-H1', actual: 8, target: 10 },
        },
        language,
        'http://localhost:4123',
      ),
      renderEmail('invitation', { role: 'VOLUNTEER', token: 'abc', expiresOn: '2026-12-15' }, language, 'http://localhost:4123'),
      renderEmail('monthly-compliance', { month: '2026-11', pairs: 8, onTarget: 6 }, language, 'http://localhost:4123'),
    ]);
    for (const email of emails) {
      expect(`${email.subject}\n${email.text}`).not.toMatch(ISO_DATE);
      expect(`${email.subject}\n${email.text}`).not.toMatch(HALF_YEAR_KEY);
      expect(email.subject).not.toMatch(/\b2026-11\b/);
    }
    expect(emails[0]?.subject).toBe('2. halvår 2026 er i gang: mål 10 par');
    expect(emails[1]?.text).toContain('til og med 15. des. 2026');
    expect(emails[3]?.subject).toBe('The second half of 2026 has begun: target 10 pairs');
    expect(emails[4]?.text).toContain('http://localhost:4123/invite/abc');
  });
});
