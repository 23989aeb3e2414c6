import type { LoaderFunctionArgs } from '@remix-run/node';
import { json } from '@remix-run/node';
import { Form, Link, useLoaderData } from '@remix-run/react';
import { GeneralErrorBoundary } from '~/components/error-boundary';
import { Pager } from '~/components/pager';
import { useLanguage, useT } from '~/components/use-translation';
import { PARTICIPANT_STATUSES } from '~/domain/participants/status';
import { isFiltered, referralListPage, referralPrisons } from '~/domain/referrals/referral-list.server';
import { requireUser } from '~/lib/auth.server';
import { can } from '~/lib/permissions.server';
import { formatDate } from '~/lib/time';
import { pageTitle } from '~/lib/page-title';

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request, { capability: 'referrals:list' });
  const [list, prisons] = await Promise.all([referralListPage(user, request), referralPrisons(user)]);
  return json({ ...list, filtered: isFiltered(list.filters), prisons, canCreate: can(user.role, 'referrals:create') });
}

export default function Referrals() {
  const { referrals, total, page, pages, filtered, prisons, filters, canCreate } = useLoaderData<typeof loader>();
  const t = useT();
  const language = useLanguage();
  return (
    <>
      <div className="page-head">
        <h1>{t('referrals.title')}</h1>
        {canCreate ? (
          <Link to="/referrals/new" className="button">
            {t('referrals.new')}
          </Link>
        ) : null}
      </div>

      <Form method="get" className="filters" aria-labelledby="filters-title">
        <h2 id="filters-title" className="visually-hidden">
          {t('referrals.filters')}
        </h2>
        <div className="field">
          <label htmlFor="filter-q">{t('referralList.search')}</label>
          <input id="filter-q" name="q" type="search" maxLength={100} autoComplete="off" defaultValue={filters.q ?? ''} />
        </div>
        <div className="field">
          <label htmlFor="filter-status">{t('referrals.status')}</label>
          <select id="filter-status" name="status" defaultValue={filters.status ?? ''}>
            <option value="">{t('referrals.allStatuses')}</option>
            {PARTICIPANT_STATUSES.map((status) => (
              <option key={status} value={status}>
                {t(`participantStatus.${status}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="filter-prison">{t('referrals.prison')}</label>
          <select id="filter-prison" name="prison" defaultValue={filters.prison ?? ''}>
            <option value="">{t('referrals.allPrisons')}</option>
            {prisons.map((prison) => (
              <option key={prison} value={prison}>
                {prison}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="filter-release">{t('referrals.releaseWithinDays')}</label>
          <input
            id="filter-release"
            name="releaseWithinDays"
            type="number"
            min={0}
            max={3650}
            inputMode="numeric"
            defaultValue={filters.releaseWithinDays ?? ''}
          />
        </div>
        <div className="actions">
          <button type="submit" className="primary">
            {t('referrals.filter')}
          </button>
          {filtered ? <Link to="/referrals">{t('referrals.clearFilters')}</Link> : null}
        </div>
      </Form>

      <p className="list-count">{filtered ? t('referralList.matching', { count: total }) : t('referralList.total', { count: total })}</p>

      {referrals.length === 0 ? (
        <p>{filtered ? t('referrals.noneMatching') : t('referrals.none')}</p>
      ) : (
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">{t('referralList.caption', { count: total, page, pages })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('referrals.participant')}</th>
                <th scope="col">{t('referrals.referred')}</th>
                <th scope="col">{t('referrals.prison')}</th>
                <th scope="col">{t('referrals.release')}</th>
                <th scope="col">{t('referrals.status')}</th>
              </tr>
            </thead>
            <tbody>
              {referrals.map((referral) => (
                <tr key={referral.id}>
                  <td>
                    <Link to={`/referrals/${referral.id}`}>{referral.participantName}</Link>
                  </td>
                  <td>{formatDate(referral.referralDate, language)}</td>
                  <td>{referral.prison}</td>
                  <td>{formatDate(referral.expectedReleaseDate, language)}</td>
                  <td>
                    <span className={`badge status status--${referral.status.toLowerCase()}`}>
                      {t(`participantStatus.${referral.status}`)}
                    </span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pager page={page} pages={pages} />
    </>
  );
}

export const meta = pageTitle('title.referrals');

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
