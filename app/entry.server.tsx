import type { AppLoadContext, EntryContext } from '@remix-run/node';
import { RemixServer } from '@remix-run/react';
import { renderToString } from 'react-dom/server';
import { NonceProvider } from './components/nonce';
import { FallbackLanguageProvider } from './components/use-translation';
import { resolveLanguage } from './lib/language.server';

/**
 * Pages are rendered to one string: no route defers data, so streaming would only add a
 * stream per response. An error while rendering reaches Remix, which renders the error
 * boundary instead.
 */
export default async function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext = {},
) {
  const nonce = loadContext.cspNonce ?? '';
  // Used only when the root loader has no data (its own 404/500): the visitor's cookie or browser.
  const language = await resolveLanguage(request);
  const html = renderToString(
    <NonceProvider value={nonce}>
      <FallbackLanguageProvider value={language}>
        <RemixServer context={remixContext} url={request.url} />
      </FallbackLanguageProvider>
    </NonceProvider>,
  );
  responseHeaders.set('Content-Type', 'text/html; charset=utf-8');
  return new Response(`<!DOCTYPE html>${html}`, { headers: responseHeaders, status: responseStatusCode });
}
