import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';
import { json } from '@remix-run/node';
import { Form, Link, useLoaderData } from '@remix-run/react';
import { GeneralErrorBoundary } from '~/components/error-boundary';
import { HealthBadge } from '~/components/health-badge';
import { ProposalsToAnswer } from '~/components/proposal-card';
import { useLanguage, useT } from '~/components/use-translation';
import { renewCalendarToken } from '~/domain/meetings/calendar.server';
import { volunteerHome } from '~/domain/pairs/volunteer-home.server';
import { openProposals } from '~/domain/pairs/proposals.server';
import { requireUser } from '~/lib/auth.server';
import { env } from '~/lib/env.server';
import { redirectWithFlash } from '~/lib/flash.server';
import type { MessageKey } from '~/lib/i18n';
import { formatDate, formatDateTime } from '~/lib/time';
import { pageTitle } from '~/lib/page-title';

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request, { capability: 'me:view' });
  const [home, proposals] = await Promise.all([volunteerHome(user.id), openProposals(request, user.id)]);
  const feedUrl = home.calendarToken ? new URL(`/calendar/${home.calendarToken}.ics`, env().PUBLIC_URL).toString() : null;
  return json({ ...home, calendarToken: undefined, feedUrl, proposals });
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request, { capability: 'calendar:own' });
  const formData = await request.formData();
  if (formData.get('intent') !== 'renew-calendar') throw new Response('Bad Request', { status: 400 });
  await renewCalendarToken(user.id);
  return redirectWithFlash('/me', { kind: 'success', key: 'meetings.me.calendarRenewed' });
}

export default function VolunteerHome() {
  const { pairs, upcoming, toLog, feedUrl, proposals } = useLoaderData<typeof loader>();
  const t = useT();
  const language = useLanguage();
  return (
    <>
      <h1>{t('me.title')}</h1>
      <ProposalsToAnswer proposals={proposals} />
      {toLog.length > 0 ? (
        <section aria-labelledby="to-log-title" className="to-log">
          <h2 id="to-log-title">{t('meetings.me.toLogTitle')}</h2>
          <ul className="link-list">
            {toLog.map((meeting) => (
              <li key={meeting.id}>
                <Link className="button" to={`/meetings/${meeting.id}`}>
                  {t('meetings.me.logMeeting', { when: formatDateTime(new Date(meeting.startsAt), language) })}
                </Link>{' '}
                <span className="muted">{meeting.participantFirstName}</span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {pairs.length === 0 ? <p>{t('me.noPairs')}</p> : null}
      <ul className="cards">
        {pairs.map((pair) => (
          <li key={pair.id} className="card">
            <h2>{t('me.pairWith', { name: pair.participantFirstName })}</h2>
            <p className="muted">{t('me.since', { date: formatDate(pair.startDate, language) })}</p>
            <p className="month-progress">
              <strong>{t('meetings.me.month', { held: pair.held, target: pair.target })}</strong> <HealthBadge health={pair.health} />
            </p>
            {pair.justReleased ? <p className="notice">{t('meetings.me.justReleased', { suggested: pair.suggested })}</p> : null}
            <p>
              {pair.nextMeeting
                ? t('me.nextMeeting', { when: formatDateTime(new Date(pair.nextMeeting), language) })
                : t('me.noNextMeeting')}
            </p>
            <p className="actions">
              <Link className="button" to={`/pairs/${pair.id}/plan`}>
                {t('meetings.me.planMonth')}
              </Link>
              <Link to={`/pairs/${pair.id}`}>{t('meetings.me.seePair')}</Link>
              {pair.planPath ? <Link to={pair.planPath}>{t('plans.readPlan')}</Link> : null}
              <Link to={`/pairs/${pair.id}/concern`}>{t('concerns.raise')}</Link>
            </p>
          </li>
        ))}
      </ul>
      <section aria-labelledby="upcoming-title">
        <h2 id="upcoming-title">{t('meetings.me.upcomingTitle')}</h2>
        {upcoming.length === 0 ? <p>{t('meetings.me.upcomingNone')}</p> : null}
        <ul className="link-list">
          {upcoming.map((meeting) => (
            <li key={meeting.id}>
              <Link to={`/meetings/${meeting.id}`}>{formatDateTime(new Date(meeting.startsAt), language)}</Link>{' '}
              <span className="muted">
                {t(`meetings.placeType.${meeting.placeType}` as MessageKey)}
                {meeting.place ? ` – ${meeting.place}` : ''}
              </span>
              {meeting.participantAnswer ? (
                <span className="badge"> {t(`sms.answer.${meeting.participantAnswer}` as MessageKey)}</span>
              ) : null}
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="calendar-title">
        <h2 id="calendar-title">{t('meetings.me.calendarTitle')}</h2>
        <p>{t('meetings.me.calendarIntro')}</p>
        {feedUrl ? (
          <p>
            <label htmlFor="feed-url">{t('meetings.me.calendarLink')}</label>
            <input id="feed-url" className="feed-url" readOnly value={feedUrl} />
          </p>
        ) : (
          <p>{t('meetings.me.calendarNone')}</p>
        )}
        <Form method="post">
          <button type="submit" name="intent" value="renew-calendar" className="secondary">
            {feedUrl ? t('meetings.me.calendarRenew') : t('meetings.me.calendarCreate')}
          </button>
        </Form>
      </section>
    </>
  );
}

export const meta = pageTitle('title.me');

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
