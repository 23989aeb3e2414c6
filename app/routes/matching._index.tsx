import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';
import { json } from '@remix-run/node';
import { Form, Link, useLoaderData } from '@remix-run/react';
import { z } from 'zod';
import { GeneralErrorBoundary } from '~/components/error-boundary';
import { Pager } from '~/components/pager';
import { useLanguage, useT } from '~/components/use-translation';
import { matchingOverviewWithClearance } from '~/domain/matching/matching.server';
import { MIN_ASSIGNMENT_SCORE } from '~/domain/matching/weights';
import { PairingError, proposePair } from '~/domain/pairs/pairing.server';
import { requireUser } from '~/lib/auth.server';
import { notifyOutbox } from '~/lib/email.server';
import { redirectWithFlash } from '~/lib/flash.server';
import { requestedPage } from '~/lib/paging';
import type { MessageKey } from '~/lib/i18n';
import { formatDate, formatDateTime } from '~/lib/time';
import { pageTitle } from '~/lib/page-title';

const acceptSchema = z.object({ participantId: z.string().min(1), volunteerId: z.string().min(1) });

/** Waiting participants per page; the assignment is always over the whole list. */
const PAGE_SIZE = 50;

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request, { capability: 'matching:manage' });
  const { data: overview, computedAt } = await matchingOverviewWithClearance();
  const { page, pages, skip } = requestedPage(request, overview.waiting.length, PAGE_SIZE);
  return json({
    page,
    pages,
    computedAt,
    assignmentTotal: overview.assignmentTotal,
    waiting: overview.waiting.slice(skip, skip + PAGE_SIZE),
  });
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
  const { waiting, assignmentTotal, page, pages, computedAt } = useLoaderData<typeof loader>();
  const t = useT();
  const language = useLanguage();
  return (
    <>
      <h1>{t('matching.title')}</h1>
      <p>{t('matching.intro')}</p>
      {waiting.length === 0 ? (
        <p>{t('matching.empty')}</p>
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

export const meta = pageTitle('title.matching');

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
