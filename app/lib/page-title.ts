import type { MetaFunction } from '@remix-run/node';
import { isRouteErrorResponse } from '@remix-run/react';
import { isLanguage, translator, type Language, type MessageKey } from './i18n';

/** The language of the page being titled: the root loader's, bokmål without it. */
export function metaLanguage(matches: { id: string; data: unknown }[]): Language {
  const root = matches.find((match) => match.id === 'root')?.data as { language?: unknown } | undefined;
  return isLanguage(root?.language) ? root.language : 'nb';
}

/**
 * "Henvisninger – Brobygger"; "Page not found – Brobygger" when the route shows its error.
 * Remix hands `meta` an error of null when there is none, so null and undefined mean no error.
 */
export function titleText(language: Language, key: MessageKey, error?: unknown): string {
  const t = translator(language);
  if (error !== undefined && error !== null) {
    const status = isRouteErrorResponse(error) ? error.status : 500;
    const title = [403, 404, 500].includes(status) ? t(`error.${status}.title` as MessageKey) : t('error.other.title', { status });
    return `${title} – ${t('app.name')}`;
  }
  return `${t(key)} – ${t('app.name')}`;
}

/** A route's `meta`: its title in the user's language (every title is a `title.*` message). */
export function pageTitle(key: MessageKey): MetaFunction {
  return ({ matches, error }) => [{ title: titleText(metaLanguage(matches), key, error) }];
}
