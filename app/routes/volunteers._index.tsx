import type { LoaderFunctionArgs } from '@remix-run/node';
import { json } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { GeneralErrorBoundary } from '~/components/error-boundary';
import { useT } from '~/components/use-translation';
import { ListFilters } from '~/components/list-filters';
import { MAX_SEARCH_LENGTH } from '~/domain/referrals/name-search';
import { BOARD_STAGES, STUCK_AFTER_DAYS, WORKING_STAGES, type BoardStage, type ReadinessStep } from '~/domain/volunteers/readiness';
import { loadPipeline, searchPipeline, trainingHoursRequired } from '~/domain/volunteers/volunteers.server';
import { listView } from '~/lib/list-view.server';
import { requireUser } from '~/lib/auth.server';
import { pageTitle } from '~/lib/page-title';

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request, { capability: 'volunteers:manage' });
  const { headers } = await listView(request, user, 'volunteers');
  const query = (new URL(request.url).searchParams.get('q') ?? '').slice(0, MAX_SEARCH_LENGTH);
  const [cards, minHours] = await Promise.all([loadPipeline().then((all) => searchPipeline(all, query)), trainingHoursRequired()]);
  return json(
    { query, minHours, columns: BOARD_STAGES.map((stage) => ({ stage, cards: cards.filter((card) => card.stage === stage) })) },
    { headers },
  );
}

export default function VolunteerBoard() {
  const { columns, query, minHours } = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <>
      <h1>{t('volunteers.title')}</h1>
      <p>{t('volunteers.boardIntro', { days: STUCK_AFTER_DAYS })}</p>
      <ListFilters
        titleId="volunteer-filters-title"
        idPrefix="volunteers"
        reset="/volunteers?reset=1"
        filtered={query !== ''}
        fields={[{ name: 'q', label: t('volunteerList.search'), value: query, search: true }]}
      />
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
                    <MissingSteps card={card} minHours={minHours} />
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

/** What a volunteer in screening still lacks before they are ready: interview, references, certificate, course hours. */
function MissingSteps({
  card,
  minHours,
}: {
  card: { stage: BoardStage; missing: ReadinessStep[]; trainingHours: number };
  minHours: number;
}) {
  const t = useT();
  if (!WORKING_STAGES.includes(card.stage) || card.missing.length === 0) return null;
  return (
    <p className="pipeline__missing">
      {t('volunteerList.missing')}{' '}
      {card.missing
        .map((step) =>
          step === 'training' ? t('volunteerList.hours', { hours: card.trainingHours, required: minHours }) : t(`volunteers.step.${step}`),
        )
        .join(', ')}
    </p>
  );
}

export const meta = pageTitle('title.volunteers');

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
