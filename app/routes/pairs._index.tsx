import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { json } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { GeneralErrorBoundary } from '~/components/error-boundary';
import { PairsAtGlance } from '~/components/pairs-monitoring';
import { useT } from '~/components/use-translation';
import { pairMonths } from '~/domain/meetings/monitoring.server';
import { requireUser } from '~/lib/auth.server';
import { db } from '~/lib/db.server';
import { pairScope } from '~/lib/permissions.server';

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request, { capability: 'pairs:read' });
  return json({ pairs: await pairMonths(db, new Date(), pairScope(user)) });
}

export default function Pairs() {
  const { pairs } = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <>
      <h1>{t('meetings.pairs.title')}</h1>
      <PairsAtGlance pairs={pairs} />
    </>
  );
}

export const meta: MetaFunction = () => [{ title: 'Par – Brobygger' }];

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
