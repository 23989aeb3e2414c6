import { getFormProps, useForm } from '@conform-to/react';
import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';
import { json, redirect } from '@remix-run/node';
import { Form, useActionData, useLoaderData } from '@remix-run/react';
import { GeneralErrorBoundary } from '~/components/error-boundary';
import { FormErrors, TextareaField } from '~/components/forms';
import { ChoiceGroup, RATING_OPTIONS } from '~/components/choice-group';
import { useLanguage, useT } from '~/components/use-translation';
import { recordSurveyAnswer } from '~/domain/participant-links/answers.server';
import { findOpenLink } from '~/domain/participant-links/links.server';
import { answerNextMeeting, nextMeetings } from '~/domain/participant-links/next-meetings.server';
import { answerSchema, isSurvey, meetingAnswerSchema, SURVEY_ITEMS, type SurveyPurpose } from '~/domain/participant-links/purposes';
import { notifyOutbox } from '~/lib/email.server';
import { parseWithZod } from '~/lib/form-submission.server';
import type { MessageKey } from '~/lib/i18n';
import { pageTitle } from '~/lib/page-title';
import { formatDate, formatDateTime } from '~/lib/time';

/** The address is the secret: never cached, never sent to another site as a referrer (same-origin keeps the Origin header our own forms need). */
export const headers = () => ({ 'Cache-Control': 'no-store', 'Referrer-Policy': 'same-origin' });

export async function loader({ request, params }: LoaderFunctionArgs) {
  const lookup = await findOpenLink(request, params.token ?? '');
  const none: Awaited<ReturnType<typeof nextMeetings>> = [];
  if (!lookup.found) return json({ link: null, limited: lookup.limited, meetings: none }, { status: lookup.limited ? 429 : 404 });
  const { link } = lookup;
  const meetings = link.purpose === 'NEXT_MEETINGS' ? await nextMeetings(link.pairId) : none;
  return json({ link: { purpose: link.purpose, expiresAt: link.expiresAt }, limited: false, meetings });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const token = params.token ?? '';
  const lookup = await findOpenLink(request, token);
  if (!lookup.found) return json({ result: null, meetingError: null }, { status: lookup.limited ? 429 : 404 });
  const formData = await request.formData();
  if (!isSurvey(lookup.link.purpose)) {
    const parsed = meetingAnswerSchema.safeParse({ meetingId: formData.get('meetingId'), answer: formData.get('answer') });
    if (!parsed.success) return json({ result: null, meetingError: 'CLOSED' as const }, { status: 400 });
    const outcome = await answerNextMeeting(lookup.link.pairId, parsed.data.meetingId, parsed.data.answer);
    if (outcome !== 'ANSWERED') return json({ result: null, meetingError: outcome }, { status: outcome === 'NOT_FOUND' ? 404 : 400 });
    notifyOutbox();
    return redirect(`/p/${token}`);
  }
  const link = { ...lookup.link, purpose: lookup.link.purpose };
  const submission = parseWithZod(formData, { schema: answerSchema(link.purpose) });
  if (submission.status !== 'success') return json({ result: submission.reply(), meetingError: null }, { status: 400 });
  const { comment, ...scores } = submission.value;
  const answer = await recordSurveyAnswer(request, link, { scores, comment });
  if (!answer) return json({ result: null, meetingError: null }, { status: 404 });
  notifyOutbox();
  return redirect('/p/done');
}

function NotFound({ limited }: { limited: boolean }) {
  const t = useT();
  return (
    <section className="participant-page">
      <h1>{t('participantLinks.notFound.title')}</h1>
      <p>{t(limited ? 'participantLinks.limited.body' : 'participantLinks.notFound.body')}</p>
    </section>
  );
}

function Survey({ purpose, expiresAt }: { purpose: SurveyPurpose; expiresAt: string }) {
  const t = useT();
  const language = useLanguage();
  const actionData = useActionData<typeof action>();
  const [form, fields] = useForm<{ comment: string } & Record<string, string>>({
    id: `answer-${purpose}`,
    lastResult: actionData?.result ?? undefined,
    shouldValidate: 'onSubmit',
  });
  const itemFields = fields as unknown as Record<string, Parameters<typeof ChoiceGroup>[0]['meta']>;
  return (
    <section className="participant-page">
      <h1>{t(`participantLinks.purpose.${purpose}`)}</h1>
      <p>{t(`participantLinks.intro.${purpose}`)}</p>
      <Form method="post" className="form" {...getFormProps(form)}>
        <FormErrors id={form.errorId} errors={form.errors} />
        {SURVEY_ITEMS[purpose].map((item) => {
          const meta = itemFields[item];
          return meta ? (
            <ChoiceGroup
              key={item}
              meta={meta}
              legend={t(`participantLinks.item.${item}` as MessageKey)}
              hint={t('participantLinks.scaleHint')}
              layout="rating"
              options={RATING_OPTIONS}
            />
          ) : null;
        })}
        <TextareaField meta={fields.comment} label={t('participantLinks.comment')} rows={4} />
        <div className="notice" role="note" aria-labelledby="who-sees">
          <h2 id="who-sees">{t('participantLinks.who.title')}</h2>
          <p>{t('participantLinks.who.body')}</p>
          <p>{t('participantLinks.who.low')}</p>
          <p>{t('participantLinks.who.once', { date: formatDate(new Date(expiresAt), language) })}</p>
        </div>
        <div className="actions">
          <button type="submit" className="primary">
            {t('participantLinks.submit')}
          </button>
        </div>
      </Form>
    </section>
  );
}

const ANSWERS = ['CONFIRMED', 'CANT_COME'] as const;

function Meetings({ expiresAt }: { expiresAt: string }) {
  const { meetings } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  const language = useLanguage();
  return (
    <section className="participant-page">
      <h1>{t('participantLinks.purpose.NEXT_MEETINGS')}</h1>
      <p>{t('participantLinks.meetings.intro')}</p>
      {actionData?.meetingError ? (
        <p className="form-errors" role="alert">
          {t(`participantLinks.meetings.error.${actionData.meetingError}`)}
        </p>
      ) : null}
      {meetings.length === 0 ? <p>{t('participantLinks.meetings.none')}</p> : null}
      <ul className="participant-meetings">
        {meetings.map((meeting) => {
          const when = formatDateTime(new Date(meeting.startsAt), language);
          return (
            <li key={meeting.id} className="card" data-meeting={meeting.id}>
              <dl className="facts">
                <dt>{t('participantLinks.meetings.when')}</dt>
                <dd>
                  {when} · {t('participantLinks.meetings.minutes', { minutes: meeting.durationMinutes })}
                </dd>
                <dt>{t('participantLinks.meetings.where')}</dt>
                <dd>
                  {t(`meetings.placeType.${meeting.placeType}` as MessageKey)}
                  {meeting.place ? ` – ${meeting.place}` : ''}
                </dd>
                <dt>{t('participantLinks.meetings.yourAnswer')}</dt>
                <dd>
                  {meeting.participantAnswer === 'CONFIRMED' || meeting.participantAnswer === 'CANT_COME'
                    ? t(`participantLinks.meetings.answer.${meeting.participantAnswer}`)
                    : t('participantLinks.meetings.answer.none')}
                </dd>
              </dl>
              <Form method="post" className="actions" aria-label={t('participantLinks.meetings.answerFor', { when })}>
                <input type="hidden" name="meetingId" value={meeting.id} />
                {ANSWERS.map((answer) => (
                  <button
                    key={answer}
                    type="submit"
                    name="answer"
                    value={answer}
                    className={meeting.participantAnswer === answer ? 'primary' : 'secondary'}
                  >
                    {t(`participantLinks.meetings.answer.${answer}`)}
                  </button>
                ))}
              </Form>
            </li>
          );
        })}
      </ul>
      {meetings.length > 0 ? <p className="muted">{t('participantLinks.meetings.change')}</p> : null}
      <p className="muted">{t('participantLinks.meetings.who', { date: formatDate(new Date(expiresAt), language) })}</p>
    </section>
  );
}

export default function ParticipantLinkPage() {
  const { link, limited } = useLoaderData<typeof loader>();
  if (!link) return <NotFound limited={limited} />;
  const purpose = link.purpose;
  return isSurvey(purpose) ? <Survey purpose={purpose} expiresAt={link.expiresAt} /> : <Meetings expiresAt={link.expiresAt} />;
}

export const meta = pageTitle('title.participantLink');

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
