import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';
import { json } from '@remix-run/node';
import { Form, Link, useLoaderData } from '@remix-run/react';
import { z } from 'zod';
import { GeneralErrorBoundary } from '~/components/error-boundary';
import { ListFilters, plainOptions, useReleaseField } from '~/components/list-filters';
import { Pager } from '~/components/pager';
import { useLanguage, useT } from '~/components/use-translation';
import { WAITING_SORTS } from '~/domain/matching/waiting-list';
import { isWaitingListFiltered, waitingFiltersFromUrl, waitingListPage } from '~/domain/matching/waiting-list.server';
import { MIN_ASSIGNMENT_SCORE } from '~/domain/matching/weights';
import { PairingError, proposePair } from '~/domain/pairs/pairing.server';
import { requireUser } from '~/lib/auth.server';
import { notifyOutbox } from '~/lib/email.server';
import { redirectWithFlash } from '~/lib/flash.server';
import { listView } from '~/lib/list-view.server';
import type { MessageKey } from '~/lib/i18n';
import { formatDate, formatDateTime } from '~/lib/time';
import { pageTitle } from '~/lib/page-title';

const acceptSchema = z.object({ participantId: z.string().min(1), volunteerId: z.string().min(1) });

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request, { capability: 'matching:manage' });
  const { headers } = await listView(request, user, 'matching');
  const filters = waitingFiltersFromUrl(new URL(request.url));
  const list = await waitingListPage(filters);
  return json({ ...list, filtered: isWaitingListFiltered(list.filters) }, { headers });
}

/** Accepting a row of the best assignment proposes that pair. */
export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request, { capability: 'matching:manage' });
  const parsed = acceptSchema.safeParse(Object.fromEntries(await request.formData()));
  if (!parsed.success) throw new Response('Bad Request', { status: 400 });
  try {
    await proposePair({ ...parsed.data, actor: user, request });
  } catch (error) {
    if (!(error instanceof PairingError)) throw error;
    return redirectWithFlash('/matching', { kind: 'error', key: `matching.error.${error.code}` as MessageKey });
  }
  notifyOutbox();
  return redirectWithFlash(`/matching/${parsed.data.participantId}`, { kind: 'success', key: 'matching.proposedFlash' });
}

export default function MatchingIndex() {
  const { waiting, assignmentTotal, page, pages, computedAt, filters, options, filtered, total } = useLoaderData<typeof loader>();
  const t = useT();
  const language = useLanguage();
  return (
    <>
      <h1>{t('matching.title')}</h1>
      <p>{t('matching.intro')}</p>
      <WaitingFilters filters={filters} options={options} filtered={filtered} />
      <p className="list-count">{t('matching.waitingCount', { count: total })}</p>
      {waiting.length === 0 ? (
        <p>{filtered ? t('matching.noneMatching') : t('matching.empty')}</p>
      ) : (
        <section aria-labelledby="assignment-title">
          <h2 id="assignment-title">{t('matching.assignmentTitle')}</h2>
          <p>{t('matching.assignmentIntro', { min: MIN_ASSIGNMENT_SCORE })}</p>
          <p>
            <strong>{t('matching.assignmentTotal', { total: assignmentTotal })}</strong>
          </p>
          <p className="muted">{t('matching.computedAt', { time: formatDateTime(new Date(computedAt), language) })}</p>
          <div className="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('matching.participant')}</th>
                  <th scope="col">{t('matching.release')}</th>
                  <th scope="col">{t('matching.municipality')}</th>
                  <th scope="col">{t('matching.bestSuggestion')}</th>
                  <th scope="col">{t('matching.inAssignment')}</th>
                  <th scope="col">
                    <span className="visually-hidden">{t('matching.accept')}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {waiting.map((row) => (
                  <tr key={row.id}>
                    <td>
                      <Link to={`/matching/${row.id}`} aria-label={t('matching.openFor', { name: row.name })}>
                        {row.name}
                      </Link>
                    </td>
                    <td>
                      {formatDate(row.release, language)}{' '}
                      {row.releaseSoon ? <span className="badge badge--amber">{t('matching.releaseSoon')}</span> : null}
                    </td>
                    <td>{row.municipality}</td>
                    <td>
                      {row.proposed
                        ? t('matching.proposed')
                        : row.best
                          ? `${row.best.name} (${t('matching.points', { points: row.best.total })})`
                          : t('matching.noSuggestion')}
                    </td>
                    <td>
                      {row.proposed
                        ? '–'
                        : row.assigned
                          ? `${row.assigned.name} (${t('matching.points', { points: row.assigned.total })})`
                          : t('matching.assignmentNone')}
                      {row.clearanceWarning ? (
                        <>
                          {' '}
                          <span className="badge badge--amber">{t('matching.noClearance')}</span>
                        </>
                      ) : null}
                    </td>
                    <td>
                      {row.assigned ? (
                        <Form method="post">
                          <input type="hidden" name="participantId" value={row.id} />
                          <input type="hidden" name="volunteerId" value={row.assigned.volunteerId} />
                          <button
                            type="submit"
                            className="secondary"
                            aria-label={t('matching.acceptRow', { participant: row.name, volunteer: row.assigned.name })}
                          >
                            {t('matching.accept')}
                          </button>
                        </Form>
                      ) : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <Pager page={page} pages={pages} />
        </section>
      )}
    </>
  );
}

type Filters = ReturnType<typeof useLoaderData<typeof loader>>['filters'];
type Options = ReturnType<typeof useLoaderData<typeof loader>>['options'];

/** The filters and sorting of the waiting list, built from the lists' shared filter fields. */
function WaitingFilters({ filters, options, filtered }: { filters: Filters; options: Options; filtered: boolean }) {
  const t = useT();
  const release = useReleaseField(filters.release);
  const choice = (name: 'prison' | 'municipality' | 'language' | 'interest', label: string, any: string, values: string[]) => ({
    name,
    label,
    value: filters[name],
    any,
    options: plainOptions(values),
  });
  return (
    <ListFilters
      titleId="matching-filters-title"
      idPrefix="matching"
      reset="/matching?reset=1"
      filtered={filtered || filters.sort !== undefined}
      fields={[
        choice('prison', t('matching.prison'), t('matching.allPrisons'), options.prisons),
        choice('municipality', t('pairList.municipality'), t('pairList.allMunicipalities'), options.municipalities),
        release,
        choice('language', t('matching.language'), t('matching.anyLanguage'), options.languages),
        choice('interest', t('matching.interest'), t('matching.anyInterest'), options.interests),
        {
          name: 'sort',
          label: t('lists.sort'),
          value: filters.sort,
          options: WAITING_SORTS.map((sort) => ({ value: sort, label: t(`matching.sort.${sort}`) })),
        },
      ]}
    />
  );
}

export const meta = pageTitle('title.matching');

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
