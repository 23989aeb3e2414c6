import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { json } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { GeneralErrorBoundary } from '~/components/error-boundary';
import { useT } from '~/components/use-translation';
import { programmeOverview } from '~/domain/monitoring/overview.server';
import { requireUser } from '~/lib/auth.server';
import { db } from '~/lib/db.server';

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request, { capability: 'dashboard:view' });
  return json(await programmeOverview(db));
}

export default function Dashboard() {
  const overview = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <>
      <h1>{t('dashboard.title')}</h1>
      <h2>{t('dashboard.programme')}</h2>
      <dl className="stats">
        <div>
          <dt>{t('dashboard.activePairs')}</dt>
          <dd>{overview.activePairs}</dd>
        </div>
        <div>
          <dt>{t('dashboard.waitingForMatch')}</dt>
          <dd>{overview.waitingForMatch}</dd>
        </div>
        <div>
          <dt>{t('dashboard.newReferrals')}</dt>
          <dd>{overview.newReferrals}</dd>
        </div>
        <div>
          <dt>{t('dashboard.readyVolunteers')}</dt>
          <dd>{overview.readyVolunteers}</dd>
        </div>
        <div>
          <dt>{t('dashboard.failedEmails')}</dt>
          <dd>{overview.failedEmails}</dd>
        </div>
      </dl>
    </>
  );
}

export const meta: MetaFunction = () => [{ title: 'Oversikt – Brobygger' }];

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
