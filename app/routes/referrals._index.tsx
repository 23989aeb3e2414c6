import type { LoaderFunctionArgs } from '@remix-run/node';
import { json } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { GeneralErrorBoundary } from '~/components/error-boundary';
import { ListFilters, plainOptions, useReleaseField } from '~/components/list-filters';
import { Pager } from '~/components/pager';
import { useLanguage, useT } from '~/components/use-translation';
import { PARTICIPANT_STATUSES } from '~/domain/participants/status';
import { REFERRAL_AGES, REFERRAL_SORTS } from '~/domain/referrals/referral-list';
import { isFiltered, referralFilterOptions, referralListPage } from '~/domain/referrals/referral-list.server';
import { requireUser } from '~/lib/auth.server';
import { listView } from '~/lib/list-view.server';
import { can } from '~/lib/permissions.server';
import { formatDate } from '~/lib/time';
import { pageTitle } from '~/lib/page-title';

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request, { capability: 'referrals:list' });
  const { headers } = await listView(request, user, 'referrals');
  const [list, options] = await Promise.all([referralListPage(user, request), referralFilterOptions(user)]);
  return json({ ...list, filtered: isFiltered(list.filters), options, canCreate: can(user.role, 'referrals:create') }, { headers });
}

export default function Referrals() {
  const { referrals, total, page, pages, filtered, options, filters, canCreate } = useLoaderData<typeof loader>();
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

      <ReferralFilters filters={filters} options={options} filtered={filtered} />

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
                  <td>{formatDate(referral.releaseDate, language)}</td>
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

type Filters = ReturnType<typeof useLoaderData<typeof loader>>['filters'];
type Options = ReturnType<typeof useLoaderData<typeof loader>>['options'];

/** The filters and sorting of /referrals, built from the lists' shared filter fields. */
function ReferralFilters({ filters, options, filtered }: { filters: Filters; options: Options; filtered: boolean }) {
  const t = useT();
  const release = useReleaseField(filters.release);
  const referrers = options.referrers.map((referrer) => ({ value: referrer.id, label: referrer.name }));
  return (
    <ListFilters
      titleId="filters-title"
      idPrefix="filter"
      reset="/referrals?reset=1"
      filtered={filtered || filters.sort !== undefined}
      fields={[
        { name: 'q', label: t('referralList.search'), value: filters.q, search: true },
        {
          name: 'status',
          label: t('referrals.status'),
          value: filters.status,
          any: t('referrals.allStatuses'),
          options: PARTICIPANT_STATUSES.map((status) => ({ value: status, label: t(`participantStatus.${status}`) })),
        },
        {
          name: 'prison',
          label: t('referrals.prison'),
          value: filters.prison,
          any: t('referrals.allPrisons'),
          options: plainOptions(options.prisons),
        },
        {
          name: 'municipality',
          label: t('pairList.municipality'),
          value: filters.municipality,
          any: t('pairList.allMunicipalities'),
          options: plainOptions(options.municipalities),
        },
        // An officer sees their own referrals only: no choice of referrer for them.
        referrers.length > 1 || filters.referrer
          ? {
              name: 'referrer',
              label: t('referralList.referrer'),
              value: filters.referrer,
              any: t('referralList.allReferrers'),
              options: referrers,
            }
          : null,
        options.offices.length > 0
          ? {
              name: 'office',
              label: t('referralList.office'),
              value: filters.office,
              any: t('referralList.allOffices'),
              options: plainOptions(options.offices),
            }
          : null,
        release,
        {
          name: 'age',
          label: t('referralList.age'),
          value: filters.age,
          any: t('referralList.anyAge'),
          options: REFERRAL_AGES.map((age) => ({ value: age, label: t(`referralList.age.${age}`) })),
        },
        {
          name: 'sort',
          label: t('lists.sort'),
          value: filters.sort,
          options: REFERRAL_SORTS.map((sort) => ({ value: sort, label: t(`referralList.sort.${sort}`) })),
        },
      ]}
    />
  );
}
