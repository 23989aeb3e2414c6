/**
 * How a text travels: GSM-7 (160 characters in one SMS, 153 per part when split) or UCS-2
 * (70, 67 per part). GSM 03.38 has æøå, but what an SMSC does with its "default alphabet"
 * (data_coding 0) varies between gateways, and Norwegian letters are the ones that get lost;
 * so a text with æ, ø or å (any case) always goes as UCS-2.
 */
export type SmsEncoding = 'GSM7' | 'UCS2';

export interface SmsPlan {
  encoding: SmsEncoding;
  /** GSM-7 septets (an extension character counts two) or UCS-2 code units. */
  units: number;
  segments: number;
  /** The text cut where the parts are sent (never inside an escape pair or a surrogate pair). */
  parts: string[];
}

const GSM_BASIC =
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';
const GSM_EXTENSION = '\f^{}\\[~]|€';
const FORCE_UCS2 = /[æøåÆØÅ]/;

const LIMITS: Record<SmsEncoding, { single: number; part: number }> = {
  GSM7: { single: 160, part: 153 },
  UCS2: { single: 70, part: 67 },
};

function gsmWidth(char: string): number | null {
  if (GSM_BASIC.includes(char)) return 1;
  if (GSM_EXTENSION.includes(char)) return 2;
  return null;
}

/** The encoding, size and parts of one text. */
export function planSms(text: string): SmsPlan {
  const chars = Array.from(text);
  const gsm = !FORCE_UCS2.test(text) && chars.every((char) => gsmWidth(char) !== null);
  const encoding: SmsEncoding = gsm ? 'GSM7' : 'UCS2';
  const width = (char: string) => (gsm ? gsmWidth(char)! : char.length);
  const units = chars.reduce((sum, char) => sum + width(char), 0);
  const limit = LIMITS[encoding];
  if (units <= limit.single) return { encoding, units, segments: units === 0 ? 0 : 1, parts: units === 0 ? [] : [text] };
  const parts: string[] = [];
  let current = '';
  let used = 0;
  for (const char of chars) {
    const size = width(char);
    if (used + size > limit.part) {
      parts.push(current);
      current = '';
      used = 0;
    }
    current += char;
    used += size;
  }
  if (current) parts.push(current);
  return { encoding, units, segments: parts.length, parts };
}
