import { parsePhoneNumberFromString } from 'libphonenumber-js';

/**
 * A phone number as typed ("912 34 567", "+47 912 34 567", "0047 912 34 567") in E.164
 * ("+4791234567"), or null when it is not a valid number. Without a country code it is read
 * as Norwegian.
 */
export function parsePhone(input: string): string | null {
  const parsed = parsePhoneNumberFromString(input.trim(), 'NO');
  return parsed?.isValid() ? parsed.number : null;
}

/** "+4791234567" → "912 34 567" (mobile), "+4773123456" → "73 12 34 56"; others internationally. */
export function formatPhone(phone: string): string {
  const digits = /^\+47(\d{8})$/.exec(phone)?.[1];
  if (!digits) return parsePhoneNumberFromString(phone)?.formatInternational() ?? phone;
  return /^[49]/.test(digits)
    ? `${digits.slice(0, 3)} ${digits.slice(3, 5)} ${digits.slice(5)}`
    : `${digits.slice(0, 2)} ${digits.slice(2, 4)} ${digits.slice(4, 6)} ${digits.slice(6)}`;
}
