import { useRouteLoaderData } from '@remix-run/react';
import { createContext, useContext } from 'react';
import { translator, type Language, type Translate } from '~/lib/i18n';

interface RootData {
  language: Language;
}

// The language when the root loader has no data (its own 404 or 500): the server takes it from
// the request (cookie, browser), the browser from the page's <html lang> the server rendered.
const FallbackLanguageContext = createContext<Language>('nb');
export const FallbackLanguageProvider = FallbackLanguageContext.Provider;

/** The current language, from the root loader; when the root has no data, the request's. */
export function useLanguage(): Language {
  const data = useRouteLoaderData<RootData>('root');
  const fallback = useContext(FallbackLanguageContext);
  return data?.language ?? fallback;
}

export function useT(): Translate {
  return translator(useLanguage());
}
