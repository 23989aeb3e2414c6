import type { LoaderFunctionArgs } from '@remix-run/node';
import { json } from '@remix-run/node';
import { Form, useLoaderData } from '@remix-run/react';
import { GeneralErrorBoundary } from '~/components/error-boundary';
import { SearchResults, type SearchData } from '~/components/search';
import { useT } from '~/components/use-translation';
import { searchEverything } from '~/domain/monitoring/search.server';
import { MAX_SEARCH_LENGTH } from '~/domain/referrals/name-search';
import { requireUser } from '~/lib/auth.server';
import { pageTitle } from '~/lib/page-title';

/** Hits of each kind on the page, and in the header's suggestions (`?preview=1`). */
const PAGE_LIMIT = 25;
const PREVIEW_LIMIT = 4;

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request, { capability: 'search:use' });
  const url = new URL(request.url);
  const query = (url.searchParams.get('q') ?? '').slice(0, MAX_SEARCH_LENGTH);
  const limit = url.searchParams.get('preview') === '1' ? PREVIEW_LIMIT : PAGE_LIMIT;
  const result = await searchEverything(user, query, limit);
  return json<SearchData>({ ...result, limit });
}

export default function Search() {
  const data = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <>
      <h1>{t('search.title')}</h1>
      <Form method="get" className="filters" role="search">
        <div className="field">
          <label htmlFor="search-page-q">{t('search.label')}</label>
          <input id="search-page-q" name="q" type="search" maxLength={100} autoComplete="off" defaultValue={data.query} key={data.query} />
        </div>
        <div className="actions">
          <button type="submit" className="primary">
            {t('search.submit')}
          </button>
        </div>
      </Form>
      {data.query.trim() === '' ? <p>{t('search.intro')}</p> : <SearchResults data={data} />}
    </>
  );
}

export const meta = pageTitle('title.search');

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
