import { describe, expect, it } from 'vitest';
import { filledHoneypot, HONEYPOT_FIELD } from './application';

function form(entries: Record<string, string>): FormData {
  const formData = new FormData();
  for (const [name, value] of Object.entries(entries)) formData.set(name, value);
  return formData;
}

describe('filledHoneypot', () => {
  it('takes a form with something in the hidden field for a bot', () => {
    expect(filledHoneypot(form({ [HONEYPOT_FIELD]: 'http://spam.example' }))).toBe(true);
  });

  it('takes a form with the hidden field missing, empty or blank for a person', () => {
    expect(filledHoneypot(form({ firstName: 'Kari' }))).toBe(false);
    expect(filledHoneypot(form({ [HONEYPOT_FIELD]: '' }))).toBe(false);
    expect(filledHoneypot(form({ [HONEYPOT_FIELD]: '  \t' }))).toBe(false);
  });
});
