import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { json } from '@remix-run/node';
import { Form, Link, useLoaderData } from '@remix-run/react';
import { z } from 'zod';
import { GeneralErrorBoundary } from '~/components/error-boundary';
import { useLanguage, useT } from '~/components/use-translation';
import { matchingOverview } from '~/domain/matching/matching.server';
import { MIN_ASSIGNMENT_SCORE } from '~/domain/matching/weights';
import { PairingError, proposePair } from '~/domain/pairs/pairing.server';
import { requireUser } from '~/lib/auth.server';
import { db } from '~/lib/db.server';
import { notifyOutbox } from '~/lib/email.server';
import { redirectWithFlash } from '~/lib/flash.server';
import type { MessageKey } from '~/lib/i18n';
import { formatDate } from '~/lib/time';

const acceptSchema = z.object({ participantId: z.string().min(1), volunteerId: z.string().min(1) });

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request, { capability: 'matching:manage' });
  const { waiting, assignment } = await matchingOverview(db);
  return json({
    waiting: waiting.map((row) => ({
      id: row.participant.id,
      name: `${row.participant.firstName} ${row.participant.lastName}`,
      release: row.participant.expectedReleaseDate,
      municipality: row.participant.releaseMunicipality,
      proposed: row.proposed,
      releaseSoon: row.releaseSoon,
      best: row.best
        ? { name: `${row.best.volunteer.firstName} ${row.best.volunteer.lastName}`, total: row.best.total }
        : null,
    })),
    assignment: {
      total: assignment.total,
      rows: assignment.rows.map((row) => ({
        participantId: row.participant.id,
        participantName: `${row.participant.firstName} ${row.participant.lastName}`,
        volunteerId: row.volunteer?.id ?? null,
        volunteerName: row.volunteer ? `${row.volunteer.firstName} ${row.volunteer.lastName}` : null,
        total: row.total,
      })),
    },
  });
}

/** Accepting a row of the best assignment proposes that pair. */
export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request, { capability: 'matching:manage' });
  const parsed = acceptSchema.safeParse(Object.fromEntries(await request.formData()));
  if (!parsed.success) throw new Response('Bad Request', { status: 400 });
  try {
    await proposePair(db, { ...parsed.data, actor: user, request });
  } catch (error) {
    if (!(error instanceof PairingError)) throw error;
    return redirectWithFlash('/matching', { kind: 'error', key: `matching.error.${error.code}` as MessageKey });
  }
  notifyOutbox();
  return redirectWithFlash(`/matching/${parsed.data.participantId}`, { kind: 'success', key: 'matching.proposedFlash' });
}

export default function MatchingIndex() {
  const { waiting, assignment } = useLoaderData<typeof loader>();
  const t = useT();
  const language = useLanguage();
  return (
    <>
      <h1>{t('matching.title')}</h1>
      <p>{t('matching.intro')}</p>
      {waiting.length === 0 ? (
        <p>{t('matching.empty')}</p>
      ) : (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('matching.participant')}</th>
                <th scope="col">{t('matching.release')}</th>
                <th scope="col">{t('matching.municipality')}</th>
                <th scope="col">{t('matching.bestSuggestion')}</th>
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
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      <section aria-labelledby="assignment-title">
        <h2 id="assignment-title">{t('matching.assignmentTitle')}</h2>
        <p>{t('matching.assignmentIntro', { min: MIN_ASSIGNMENT_SCORE })}</p>
        <p>
          <strong>{t('matching.assignmentTotal', { total: assignment.total })}</strong>
        </p>
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('matching.participant')}</th>
                <th scope="col">{t('matching.volunteer')}</th>
                <th scope="col">{t('matching.score')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('matching.accept')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {assignment.rows.map((row) => (
                <tr key={row.participantId}>
                  <td>{row.participantName}</td>
                  <td>{row.volunteerName ?? t('matching.assignmentNone')}</td>
                  <td>{row.total ?? '–'}</td>
                  <td>
                    {row.volunteerId ? (
                      <Form method="post">
                        <input type="hidden" name="participantId" value={row.participantId} />
                        <input type="hidden" name="volunteerId" value={row.volunteerId} />
                        <button
                          type="submit"
                          className="secondary"
                          aria-label={t('matching.acceptRow', { participant: row.participantName, volunteer: row.volunteerName ?? '' })}
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
      </section>
    </>
  );
}

export const meta: MetaFunction = () => [{ title: 'Matching – Brobygger' }];

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
