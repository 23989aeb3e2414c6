import { RemixBrowser } from '@remix-run/react';
import { startTransition, StrictMode } from 'react';
import { hydrateRoot } from 'react-dom/client';
import { FallbackLanguageProvider } from './components/use-translation';
import { PAGE_MESSAGES_ID, provideMessages } from './lib/messages/dictionary';

// The language the server rendered, for pages whose root loader has no data (its 404/500).
const renderedLanguage = document.documentElement.lang === 'en' ? 'en' : 'nb';

// The messages the server rendered this page with (entry.server.tsx); the element is not part
// of the React tree, so it goes before hydration.
if (document.readyState === 'loading') await new Promise((resolve) => document.addEventListener('DOMContentLoaded', resolve, { once: true }));
const pageMessages = document.getElementById(PAGE_MESSAGES_ID);
if (pageMessages) {
  provideMessages(JSON.parse(pageMessages.textContent ?? '{}'));
  pageMessages.remove();
}

startTransition(() => {
  hydrateRoot(
    document,
    <StrictMode>
      <FallbackLanguageProvider value={renderedLanguage}>
        <RemixBrowser />
      </FallbackLanguageProvider>
    </StrictMode>,
  );
});
