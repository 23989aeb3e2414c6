import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';
import { json } from '@remix-run/node';
import { Form, Link, useLoaderData } from '@remix-run/react';
import { GeneralErrorBoundary } from '~/components/error-boundary';
import { LowPulseAlerts } from '~/components/low-pulse-alerts';
import { recentLowPulses } from '~/domain/participant-links/answers.server';
import { NeedsActionToday, PairsAtGlance } from '~/components/pairs-monitoring';
import { useLanguage, useT } from '~/components/use-translation';
import { RecruitmentPanel } from '~/components/recruitment-panel';
import { MonthFiguresPanel } from '~/components/month-figures';
import { dashboardView } from '~/domain/monitoring/dashboard.server';
import { programmeOverview } from '~/domain/monitoring/overview.server';
import { failedEmails, retryFailedEmail } from '~/domain/notifications/mailbox.server';
import { notifyOutbox } from '~/lib/email.server';
import { redirectWithFlash } from '~/lib/flash.server';
import { notFound } from '~/lib/permissions.server';
import { formatDateTime } from '~/lib/time';
import { requireUser } from '~/lib/auth.server';
import { formText } from '~/lib/form-submission.server';
import { currentTime } from '~/lib/clock';
import { pageTitle } from '~/lib/page-title';
import { TextInbox } from '~/components/sms-inbox';
import { FirstWeekList } from '~/components/first-week-list';
import { firstWeekList } from '~/domain/pairs/first-week.server';
import { coordinatorTextInbox, markTextHandled } from '~/domain/sms/inbox.server';

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request, { capability: 'dashboard:view' });
  const now = currentTime();
  // The counts and failed emails are cheap and read live (outbox rows do not raise the data version).
  const [figures, overview, failed, lowPulses, textInbox, firstWeek] = await Promise.all([
    dashboardView(now),
    programmeOverview(),
    failedEmails(),
    recentLowPulses(now),
    coordinatorTextInbox(),
    // -- first week (#21): read live, a handful of rows.
    firstWeekList(),
  ]);
  return json({ ...figures.data, computedAt: figures.computedAt, overview, failed, lowPulses, textInbox, firstWeek });
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request, { capability: 'dashboard:view' });
  const formData = await request.formData();
  // -- sms (#20): a participant's text read and dealt with.
  if (formData.get('intent') === 'text-handled') {
    if (!(await markTextHandled(request, user, formText(formData, 'smsId')))) notFound();
    return redirectWithFlash('/dashboard#text-inbox-title', { kind: 'success', key: 'sms.inbox.handledDone' });
  }
  if (formData.get('intent') !== 'retry-email') throw new Response('Bad Request', { status: 400 });
  if (!(await retryFailedEmail(formText(formData, 'emailId')))) notFound();
  notifyOutbox();
  return redirectWithFlash('/dashboard', { kind: 'success', key: 'dashboard.retriedEmail' });
}

export default function Dashboard() {
  const { overview, failed, needsAction, pairs, pairCount, recruitment, computedAt, month, lowPulses, textInbox, firstWeek } =
    useLoaderData<typeof loader>();
  const t = useT();
  const language = useLanguage();
  return (
    <>
      <h1>{t('dashboard.title')}</h1>
      <p className="muted">{t('dashboard.computedAt', { time: formatDateTime(new Date(computedAt), language) })}</p>
      <LowPulseAlerts alerts={lowPulses} />
      <NeedsActionToday data={needsAction} />
      <FirstWeekList rows={firstWeek} />
      <TextInbox items={textInbox} />
      <h2>{t('dashboard.programme')}</h2>
      <dl className="stats">
        <div>
          <dt>{t('dashboard.activePairs')}</dt>
          <dd>{overview.activePairs}</dd>
        </div>
        <div>
          <dt>{t('dashboard.waitingForMatch')}</dt>
          <dd>{overview.waitingForMatch}</dd>
        </div>
        <div>
          <dt>{t('dashboard.newReferrals')}</dt>
          <dd>{overview.newReferrals}</dd>
        </div>
        <div>
          <dt>{t('dashboard.readyVolunteers')}</dt>
          <dd>{overview.readyVolunteers}</dd>
        </div>
        <div>
          <dt>{t('dashboard.failedEmails')}</dt>
          <dd>{overview.failedEmails}</dd>
        </div>
      </dl>
      <MonthFiguresPanel figures={month} />
      <section aria-labelledby="pairs-glance-title">
        <h2 id="pairs-glance-title">{t('meetings.dash.pairsTitle')}</h2>
        <PairsAtGlance pairs={pairs} />
        <p>
          <Link to="/pairs">{t('meetings.dash.allPairsCount', { count: pairCount })}</Link>
        </p>
      </section>
      <RecruitmentPanel status={recruitment} />
      {failed.length > 0 ? (
        <section aria-labelledby="failed-title">
          <h2 id="failed-title">{t('dashboard.failedEmailsTitle')}</h2>
          <p>{t('dashboard.failedEmailsIntro')}</p>
          <ul>
            {failed.map((email) => (
              <li key={email.id}>
                {email.toAddress} · {formatDateTime(new Date(email.createdAt), language)} · {email.lastError}
                <Form method="post" className="inline-form">
                  <input type="hidden" name="emailId" value={email.id} />
                  <button type="submit" name="intent" value="retry-email" className="secondary">
                    {t('dashboard.retryEmail')}
                  </button>
                </Form>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}

export const meta = pageTitle('title.dashboard');

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
