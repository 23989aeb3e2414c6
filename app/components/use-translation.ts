import { useRouteLoaderData } from '@remix-run/react';
import { translator, type Language, type Translate } from '~/lib/i18n';

interface RootData {
  language: Language;
}

/** The current language, from the root loader; bokmål when the root has no data (e.g. its own error). */
export function useLanguage(): Language {
  const data = useRouteLoaderData('root') as RootData | undefined;
  return data?.language ?? 'nb';
}

export function useT(): Translate {
  return translator(useLanguage());
}
