import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { json } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { GeneralErrorBoundary } from '~/components/error-boundary';
import { PairsAtGlance } from '~/components/pairs-monitoring';
import { useT } from '~/components/use-translation';
import { countActivePairs, glanceRow, pairMonths } from '~/domain/meetings/monitoring.server';
import { requireUser } from '~/lib/auth.server';
import { db } from '~/lib/db.server';
import { pairMonthScope } from '~/lib/permissions.server';

const PAGE_SIZE = 50;

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request, { capability: 'pairs:read' });
  const scope = pairMonthScope(user);
  const total = await countActivePairs(db, scope);
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const requested = Number.parseInt(new URL(request.url).searchParams.get('page') ?? '1', 10);
  const page = Number.isFinite(requested) ? Math.min(Math.max(requested, 1), pages) : 1;
  const pairs = await pairMonths(db, new Date(), scope, { skip: (page - 1) * PAGE_SIZE, take: PAGE_SIZE });
  return json({ pairs: pairs.map(glanceRow), page, pages });
}

export default function Pairs() {
  const { pairs, page, pages } = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <>
      <h1>{t('meetings.pairs.title')}</h1>
      <PairsAtGlance pairs={pairs} />
      {pages > 1 ? (
        <nav aria-label={t('meetings.pairs.page', { page, pages })} className="actions">
          {page > 1 ? <Link to={`?page=${page - 1}`}>{t('meetings.pairs.previous')}</Link> : null}
          <span>{t('meetings.pairs.page', { page, pages })}</span>
          {page < pages ? <Link to={`?page=${page + 1}`}>{t('meetings.pairs.next')}</Link> : null}
        </nav>
      ) : null}
    </>
  );
}

export const meta: MetaFunction = () => [{ title: 'Par – Brobygger' }];

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
