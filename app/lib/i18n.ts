import { formatParam } from './format';
import { message, type MessageKey, type Messages } from './messages/dictionary';
import type { Language } from './time';

export type { Language, MessageKey, Messages };
export const LANGUAGES: readonly Language[] = ['nb', 'en'];

export function isLanguage(value: unknown): value is Language {
  return value === 'nb' || value === 'en';
}

export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

/**
 * A translator for one language. `{name}` placeholders are filled from params, each as a person
 * reads it in that language (an ISO date, a half-year key or a decimal is formatted: format.ts).
 */
export function translator(language: Language): Translate {
  return (key, params) => {
    const template = message(language, key);
    if (!params) return template;
    return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
      const value = params[name];
      return value === undefined ? whole : formatParam(value, language);
    });
  };
}

/** Picks the first supported language from an Accept-Language header; bokmål otherwise. */
export function languageFromHeader(header: string | null): Language {
  if (!header) return 'nb';
  for (const part of header.split(',')) {
    const tag = (part.split(';')[0] ?? '').trim().toLowerCase();
    if (tag.startsWith('en')) return 'en';
    if (tag.startsWith('nb') || tag.startsWith('no') || tag.startsWith('nn')) return 'nb';
  }
  return 'nb';
}
