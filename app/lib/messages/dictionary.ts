import type { Language } from '../time';
import type { nb } from './nb';
import { allMessages } from './all.server';

export type MessageKey = keyof typeof nb;
export type Messages = Record<MessageKey, string>;

/**
 * Where a translation is looked up, on the server and in the browser.
 *
 * The server holds every message of both languages. The browser does not download them with
 * the page: the server writes the messages a page used into it (`usedMessages`, see
 * entry.server.tsx), the browser starts with those (entry.client.tsx) and fetches the whole
 * language (`loadLanguage`) before anything else renders: before a form is sent (entry.client)
 * and before a navigation's data (the root's clientLoader). In the browser `allMessages` is undefined: `.server` modules are empty there.
 */
const dictionaries: Partial<Record<Language, Partial<Messages>>> = allMessages ? { ...allMessages } : {};
const complete = new Set<Language>(allMessages ? ['nb', 'en'] : []);

let used: Record<Language, Partial<Messages>> | null = null;

export function message(language: Language, key: MessageKey): string {
  const text = dictionaries[language]?.[key];
  if (text === undefined) {
    if (!complete.has(language)) console.error(`Message not loaded: ${language} ${key}`);
    return dictionaries.nb?.[key] ?? key;
  }
  if (used) used[language][key] = text;
  return text;
}

/** Runs a (synchronous) render and returns the messages it looked up, per language. */
export function usedMessages<T>(render: () => T): { result: T; messages: Record<Language, Partial<Messages>> } {
  const messages: Record<Language, Partial<Messages>> = { nb: {}, en: {} };
  used = messages;
  try {
    return { result: render(), messages };
  } finally {
    used = null;
  }
}

/** The browser: messages the server sent with the page. */
export function provideMessages(messages: Partial<Record<Language, Partial<Messages>>>): void {
  for (const language of ['nb', 'en'] as const) {
    if (!complete.has(language)) dictionaries[language] = { ...dictionaries[language], ...messages[language] };
  }
}

export function hasLanguage(language: Language): boolean {
  return complete.has(language);
}

/** The browser: every message of a language, once. */
export async function loadLanguage(language: Language): Promise<void> {
  if (complete.has(language)) return;
  const messages = language === 'en' ? (await import('./en')).en : (await import('./nb')).nb;
  dictionaries[language] = messages;
  complete.add(language);
}

/** The id of the JSON script that carries a page's messages (entry.server writes it, entry.client reads it). */
export const PAGE_MESSAGES_ID = 'page-messages';
