import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { json } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { GeneralErrorBoundary } from '~/components/error-boundary';
import { useLanguage, useT } from '~/components/use-translation';
import { volunteerHome } from '~/domain/meetings/volunteer-home.server';
import { requireUser } from '~/lib/auth.server';
import { db } from '~/lib/db.server';
import { formatDate, formatDateTime } from '~/lib/time';

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request, { role: 'VOLUNTEER' });
  return json(await volunteerHome(db, user.id));
}

export default function VolunteerHome() {
  const { pairs } = useLoaderData<typeof loader>();
  const t = useT();
  const language = useLanguage();
  return (
    <>
      <h1>{t('me.title')}</h1>
      {pairs.length === 0 ? <p>{t('me.noPairs')}</p> : null}
      <ul className="cards">
        {pairs.map((pair) => (
          <li key={pair.id} className="card">
            <h2>{t('me.pairWith', { name: pair.participantFirstName })}</h2>
            {pair.startDate ? <p className="muted">{t('me.since', { date: formatDate(pair.startDate, language) })}</p> : null}
            <p>
              {pair.nextMeeting
                ? t('me.nextMeeting', { when: formatDateTime(new Date(pair.nextMeeting), language) })
                : t('me.noNextMeeting')}
            </p>
          </li>
        ))}
      </ul>
    </>
  );
}

export const meta: MetaFunction = () => [{ title: 'Mine møter – Brobygger' }];

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
