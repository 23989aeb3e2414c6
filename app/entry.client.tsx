import { RemixBrowser } from '@remix-run/react';
import { startTransition, StrictMode } from 'react';
import { hydrateRoot } from 'react-dom/client';
import { FallbackLanguageProvider } from './components/use-translation';

// The language the server rendered, for pages whose root loader has no data (its 404/500).
const renderedLanguage = document.documentElement.lang === 'en' ? 'en' : 'nb';

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
