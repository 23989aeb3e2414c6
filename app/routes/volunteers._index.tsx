import type { LoaderFunctionArgs } from '@remix-run/node';
import { json } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { GeneralErrorBoundary } from '~/components/error-boundary';
import { useT } from '~/components/use-translation';
import { BOARD_STAGES, STUCK_AFTER_DAYS } from '~/domain/volunteers/readiness';
import { loadPipeline } from '~/domain/volunteers/volunteers.server';
import { requireUser } from '~/lib/auth.server';
import { pageTitle } from '~/lib/page-title';

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request, { capability: 'volunteers:manage' });
  const cards = await loadPipeline();
  return json({ columns: BOARD_STAGES.map((stage) => ({ stage, cards: cards.filter((card) => card.stage === stage) })) });
}

export default function VolunteerBoard() {
  const { columns } = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <>
      <h1>{t('volunteers.title')}</h1>
      <p>{t('volunteers.boardIntro', { days: STUCK_AFTER_DAYS })}</p>
      <p>
        <Link to="/volunteers/bulk">{t('bulk.openVolunteers')}</Link>
      </p>
      <div className="pipeline">
        {columns.map(({ stage, cards }) => (
          <section key={stage} className="pipeline__column" aria-labelledby={`stage-${stage}`}>
            <h2 id={`stage-${stage}`}>{t('volunteers.stageCount', { stage: t(`volunteers.stage.${stage}`), count: cards.length })}</h2>
            {cards.length === 0 ? (
              <p className="muted">{t('volunteers.emptyStage')}</p>
            ) : (
              <ul>
                {cards.map((card) => (
                  <li key={card.id} className="pipeline__card">
                    <Link to={`/volunteers/${card.id}`}>{card.name}</Link>
                    <span className="muted"> · {card.municipality}</span>
                    <br />
                    <span className="muted">{t('volunteers.daysInStage', { days: card.days })}</span>
                    {card.stuck ? ' ' : null}
                    {card.stuck ? <span className="badge badge--amber">{t('volunteers.stuck')}</span> : null}
                  </li>
                ))}
              </ul>
            )}
          </section>
        ))}
      </div>
    </>
  );
}

export const meta = pageTitle('title.volunteers');

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
