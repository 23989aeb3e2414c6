import { RemixBrowser } from '@remix-run/react';
import { startTransition, StrictMode } from 'react';
import { hydrateRoot } from 'react-dom/client';
import { FallbackLanguageProvider } from './components/use-translation';
import { hasLanguage, loadLanguage, PAGE_MESSAGES_ID, provideMessages } from './lib/messages/dictionary';

// The language the page is in now (after a language switch too).
const pageLanguage = () => (document.documentElement.lang === 'en' ? 'en' : 'nb');

// The messages the server rendered this page with (entry.server.tsx writes them first in the
// body, before any script); the element is not part of the React tree, so it goes before hydration.
const pageMessages = document.getElementById(PAGE_MESSAGES_ID);
if (pageMessages) {
  provideMessages(JSON.parse(pageMessages.textContent ?? '{}') as Parameters<typeof provideMessages>[0]);
  pageMessages.remove();
}

// A form's reply renders before the root's clientLoader has run, so a form waits for the whole
// language before it is sent (usually there already: loading starts when a form gets focus).
window.addEventListener('focusin', () => void loadLanguage(pageLanguage()), { capture: true, once: true });
window.addEventListener(
  'submit',
  (event) => {
    const language = pageLanguage();
    if (hasLanguage(language) || !(event.target instanceof HTMLFormElement)) return;
    event.preventDefault();
    event.stopImmediatePropagation();
    const form = event.target;
    const submitter = event.submitter instanceof HTMLElement ? event.submitter : null;
    void loadLanguage(language).then(() => form.requestSubmit(submitter));
  },
  { capture: true },
);

startTransition(() => {
  hydrateRoot(
    document,
    <StrictMode>
      {/* The language the server rendered, for pages whose root loader has no data (its 404/500). */}
      <FallbackLanguageProvider value={pageLanguage()}>
        <RemixBrowser />
      </FallbackLanguageProvider>
    </StrictMode>,
  );
});
