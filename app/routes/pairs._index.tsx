import type { LoaderFunctionArgs } from '@remix-run/node';
import { json } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { GeneralErrorBoundary } from '~/components/error-boundary';
import { EndedPairsTable, PairFilters, ProposedPairsTable } from '~/components/pair-list';
import { PairsAtGlance } from '~/components/pairs-monitoring';
import { Pager } from '~/components/pager';
import { useT } from '~/components/use-translation';
import { isPairListFiltered, pairFiltersFromUrl, pairListPage, pairMunicipalities } from '~/domain/monitoring/pair-list.server';
import { requireUser } from '~/lib/auth.server';
import { listView } from '~/lib/list-view.server';
import { can, pairAccess } from '~/lib/permissions.server';
import { pageTitle } from '~/lib/page-title';

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request, { capability: 'pairs:read' });
  const { headers } = await listView(request, user, 'pairs');
  const scope = pairAccess(user);
  const filters = pairFiltersFromUrl(new URL(request.url));
  const [list, municipalities] = await Promise.all([pairListPage(scope, filters), pairMunicipalities(scope)]);
  return json(
    {
      ...list,
      municipalities,
      filtered: isPairListFiltered(filters),
      canManage: can(user.role, 'matching:manage'),
      canBulk: can(user.role, 'pairs:bulk'),
    },
    { headers },
  );
}

export default function Pairs() {
  const { list, filters, total, page, pages, municipalities, filtered, canManage, canBulk } = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <>
      <h1>{t('meetings.pairs.title')}</h1>
      {canBulk ? (
        <p>
          <Link to="/pairs/bulk">{t('bulk.openPairs')}</Link>
        </p>
      ) : null}
      <PairFilters filters={filters} municipalities={municipalities} filtered={filtered} />
      <p className="list-count">{t('pairList.total', { count: total })}</p>
      {list.rows.length === 0 ? (
        <p>{filtered || list.status !== 'ACTIVE' ? t('pairList.none') : t('meetings.pairs.none')}</p>
      ) : list.status === 'ACTIVE' || list.status === 'ON_HOLD' ? (
        <PairsAtGlance pairs={list.rows} />
      ) : list.status === 'ENDED' ? (
        <EndedPairsTable pairs={list.rows} />
      ) : (
        <ProposedPairsTable pairs={list.rows} canManage={canManage} />
      )}
      <Pager page={page} pages={pages} />
    </>
  );
}

export const meta = pageTitle('title.pairs');

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
