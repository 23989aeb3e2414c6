import type { LoaderFunctionArgs } from '@remix-run/node';
import { json } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { GeneralErrorBoundary } from '~/components/error-boundary';
import { PairsAtGlance } from '~/components/pairs-monitoring';
import { Pager } from '~/components/pager';
import { useT } from '~/components/use-translation';
import { countActivePairs, pairMonthsPage } from '~/domain/pairs/pair-month.server';
import { glanceRow } from '~/domain/monitoring/pairs-at-a-glance';
import { requireUser } from '~/lib/auth.server';
import { requestedPage } from '~/lib/paging';
import { pairAccess } from '~/lib/permissions.server';
import { currentTime } from '~/lib/clock';
import { pageTitle } from '~/lib/page-title';

const PAGE_SIZE = 50;

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request, { capability: 'pairs:read' });
  const scope = pairAccess(user);
  const total = await countActivePairs(scope);
  const { page, pages, skip } = requestedPage(request, total, PAGE_SIZE);
  const pairs = await pairMonthsPage(scope, { skip, take: PAGE_SIZE }, currentTime());
  return json({ pairs: pairs.map(glanceRow), page, pages });
}

export default function Pairs() {
  const { pairs, page, pages } = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <>
      <h1>{t('meetings.pairs.title')}</h1>
      <PairsAtGlance pairs={pairs} />
      <Pager page={page} pages={pages} />
    </>
  );
}

export const meta = pageTitle('title.pairs');

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
