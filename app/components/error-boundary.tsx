import { isRouteErrorResponse, Link, useRouteError } from '@remix-run/react';
import type { MessageKey } from '~/lib/i18n';
import { useT } from './use-translation';

const KNOWN = new Set([403, 404, 500]);

/** The one error page, used by the root and by every route: per-status message, user's language. */
export function GeneralErrorBoundary() {
  const error = useRouteError();
  const t = useT();
  const status = isRouteErrorResponse(error) ? error.status : 500;
  if (!isRouteErrorResponse(error) && typeof document !== 'undefined') console.error(error);
  const key = KNOWN.has(status) ? status : null;
  const title = key ? t(`error.${key}.title` as MessageKey) : t('error.other.title', { status });
  const body = key ? t(`error.${key}.body` as MessageKey) : t('error.500.body');
  return (
    <section className="error-page" aria-labelledby="error-title">
      <h1 id="error-title">{title}</h1>
      <p>{body}</p>
      <p>
        <Link to="/">{t('error.goHome')}</Link>
      </p>
    </section>
  );
}
