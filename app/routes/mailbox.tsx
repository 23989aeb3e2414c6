import type { LoaderFunctionArgs } from '@remix-run/node';
import { json } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { GeneralErrorBoundary } from '~/components/error-boundary';
import { useLanguage, useT } from '~/components/use-translation';
import { mailboxEmails } from '~/domain/notifications/mailbox.server';
import { requireUser } from '~/lib/auth.server';
import { env } from '~/lib/env.server';
import { notFound } from '~/lib/permissions.server';
import { formatDateTime } from '~/lib/time';
import { pageTitle } from '~/lib/page-title';

/** Demo mode only: the emails the app has queued, as their recipients would read them. */
export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request, { capability: 'mailbox:view' });
  if (!env().DEMO_MODE) notFound();
  return json({ emails: await mailboxEmails(env().PUBLIC_URL) });
}

export default function Mailbox() {
  const { emails } = useLoaderData<typeof loader>();
  const t = useT();
  const language = useLanguage();
  return (
    <>
      <h1>{t('mailbox.title')}</h1>
      <p>{t('mailbox.intro')}</p>
      {emails.length === 0 ? <p>{t('mailbox.empty')}</p> : null}
      <ul className="cards">
        {emails.map((email) => (
          <li key={email.id} className="card">
            <h2>{email.subject}</h2>
            <p className="muted">
              {t('mailbox.to', { to: email.to })} · {formatDateTime(new Date(email.createdAt), language)} ·{' '}
              {t(`mailbox.status.${email.status}` as never)}
            </p>
            <pre className="email-text">{email.text}</pre>
          </li>
        ))}
      </ul>
    </>
  );
}

export const meta = pageTitle('title.mailbox');

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
