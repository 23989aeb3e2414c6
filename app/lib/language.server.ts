import { createCookie } from '@remix-run/node';
import { isLanguage, languageFromHeader, type Language } from './i18n';
import { env } from './env.server';

export const languageCookie = createCookie('bb_lang', {
  sameSite: 'lax',
  path: '/',
  secure: env().secureCookies,
  maxAge: 60 * 60 * 24 * 365,
});

/** A signed-in user's saved language; otherwise the visitor's choice or their browser's. */
export async function resolveLanguage(request: Request, user?: { language: string } | null): Promise<Language> {
  if (user && isLanguage(user.language)) return user.language;
  const chosen: unknown = await languageCookie.parse(request.headers.get('cookie'));
  if (isLanguage(chosen)) return chosen;
  return languageFromHeader(request.headers.get('accept-language'));
}
