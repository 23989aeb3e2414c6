import { describe, expect, it } from 'vitest';
import { formatPhone, parsePhone } from './phone';

describe('phone numbers', () => {
  it('stores the usual Norwegian ways of writing one number as one E.164', () => {
    for (const typed of ['912 34 567', '+47 912 34 567', '0047 912 34 567', '91234567', '912-34-567']) {
      expect(parsePhone(typed), typed).toBe('+4791234567');
    }
    expect(parsePhone('0047-73.12.34.56')).toBe('+4773123456');
  });

  it('keeps foreign numbers written with their country code', () => {
    expect(parsePhone('+46 70 123 45 67')).toBe('+46701234567');
  });

  it('refuses what is not a phone number', () => {
    for (const bad of ['12345678', '0123 4567', '9123456', '912345678', 'ring meg', '']) {
      expect(parsePhone(bad), bad).toBeNull();
    }
  });

  it('formats numbers as people write them', () => {
    expect(formatPhone('+4791234567')).toBe('912 34 567');
    expect(formatPhone('+4773123456')).toBe('73 12 34 56');
    expect(formatPhone('+46701234567')).toBe('+46 70 123 45 67');
  });
});
