import { nb } from './messages/nb';
import { en } from './messages/en';
import { formatParam } from './format';
import type { Language } from './time';

export type { Language };
export const LANGUAGES: readonly Language[] = ['nb', 'en'];
export type MessageKey = keyof typeof nb;
export type Messages = Record<MessageKey, string>;

const dictionaries: Record<Language, Messages> = { nb, en };

export function isLanguage(value: unknown): value is Language {
  return value === 'nb' || value === 'en';
}

export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

/**
 * A translator for one language. `{name}` placeholders are filled from params, each as a person
 * reads it in that language (an ISO date, a half-year key or a decimal is formatted: format.ts).
 */
export function translator(language: Language): Translate {
  const messages = dictionaries[language];
  return (key, params) => {
    const template = messages[key] ?? nb[key] ?? key;
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
