import type { AppLoadContext, EntryContext } from '@remix-run/node';
import { RemixServer } from '@remix-run/react';
import { renderToString } from 'react-dom/server';
import { NonceProvider } from './components/nonce';
import { FallbackLanguageProvider } from './components/use-translation';
import { resolveLanguage } from './lib/language.server';
import { PAGE_MESSAGES_ID, usedMessages } from './lib/messages/dictionary';

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
  const { result: html, messages } = usedMessages(() =>
    renderToString(
      <NonceProvider value={nonce}>
        <FallbackLanguageProvider value={language}>
          <RemixServer context={remixContext} url={request.url} />
        </FallbackLanguageProvider>
      </NonceProvider>,
    ),
  );
  // The messages this page shows, for the browser to hydrate with (dictionary.ts), first in the
  // body so that they are there before any script runs; `<` escaped so no text can close the script.
  const script = `<script type="application/json" id="${PAGE_MESSAGES_ID}" nonce="${nonce}">${JSON.stringify(messages).replace(/</g, '\\u003c')}</script>`;
  const body = /<body[^>]*>/.exec(html);
  const page = body ? html.slice(0, body.index + body[0].length) + script + html.slice(body.index + body[0].length) : script + html;
  responseHeaders.set('Content-Type', 'text/html; charset=utf-8');
  return new Response(`<!DOCTYPE html>${page}`, { headers: responseHeaders, status: responseStatusCode });
}
