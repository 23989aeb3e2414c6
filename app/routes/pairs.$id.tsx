import { getFormProps, useForm } from '@conform-to/react';
import { formText, parseWithZod } from '~/lib/form-submission.server';
import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';
import { json } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import { z } from 'zod';
import { GeneralErrorBoundary } from '~/components/error-boundary';
import { CheckboxField, FormErrors, SelectField, TextareaField, TextField } from '~/components/forms';
import { AcknowledgeConcern, HealthBadge } from '~/components/pairs-monitoring';
import { ParticipantLinksPanel } from '~/components/participant-links-panel';
import { participantLinkIntent, participantLinksBlock } from '~/domain/participant-links/pair-page.server';
import { useLanguage, useT } from '~/components/use-translation';
import { wholeNumber } from '~/domain/meetings/forms';
import { acknowledgeConcern } from '~/domain/meetings/meetings.server';
import { pairContact } from '~/domain/pairs/contact.server';
import { pairTimeline, recordFitCheck, recordSupportContact } from '~/domain/pairs/pairs.server';
import { ServicesSummary } from '~/components/services-summary';
import { SUPPORT_KINDS, SUPPORT_WITH } from '~/domain/pairs/support';
import { requireUser, safeRedirect } from '~/lib/auth.server';
import { redirectWithFlash } from '~/lib/flash.server';
import type { MessageKey } from '~/lib/i18n';
import { can, notFound } from '~/lib/permissions.server';
import { formatDate, formatDateTime, todayInOslo } from '~/lib/time';
import { isoDateField, optionalText } from '~/lib/validation';
import { currentTime } from '~/lib/clock';
import { pageTitle } from '~/lib/page-title';
import { PairTexts } from '~/components/pair-texts';
import { pairTexts } from '~/domain/sms/thread.server';

const supportSchema = z.object({
  intent: z.literal('support-contact'),
  withWhom: z.enum(SUPPORT_WITH),
  kind: z.enum(SUPPORT_KINDS),
  heldOn: isoDateField,
  durationMinutes: wholeNumber(1, 480),
  note: optionalText(1000),
});

const fitSchema = z.object({
  intent: z.literal('fit-check'),
  checkedOn: isoDateField,
  volunteerScore: wholeNumber(1, 5),
  participantScore: wholeNumber(1, 5),
  recommendRematch: z.boolean().default(false),
  note: optionalText(1000),
});

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request, { capability: 'pairs:read' });
  const pair = await pairTimeline(
    request,
    user,
    params.id ?? '',
    currentTime(),
    new URL(request.url).searchParams.get('meetings') === 'all',
  );
  // The volunteer of an active pair sees how to reach the participant (consent decides how).
  const contact = can(user.role, 'pairs:contact') && pair.status === 'ACTIVE' ? await pairContact(request, user, pair.id) : null;
  const participantLinks = await participantLinksBlock(request, user, pair);
  // -- sms (#20): the pair's texts with the participant.
  const texts = await pairTexts(user, pair.id);
  return json({ pair, contact, texts, coordinator: can(user.role, 'pairs:manage'), today: todayInOslo(), participantLinks });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request, { capability: 'pairs:manage' });
  const pairId = params.id ?? '';
  const formData = await request.formData();
  const intent = formData.get('intent');
  const back = `/pairs/${pairId}`;
  const linkReply = await participantLinkIntent(request, user, pairId, formData);
  if (linkReply) return linkReply;
  if (intent === 'acknowledge-concern') {
    const concernId = formText(formData, 'concernId');
    if (!(await acknowledgeConcern(request, user, pairId, concernId))) notFound();
    return redirectWithFlash(safeRedirect(formData.get('redirectTo'), back), { kind: 'success', key: 'meetings.pair.acknowledged' });
  }
  if (intent === 'support-contact') {
    const submission = parseWithZod(formData, { schema: supportSchema });
    if (submission.status !== 'success') return json({ form: 'support', result: submission.reply() }, { status: 400 });
    const { intent: _intent, ...input } = submission.value;
    await recordSupportContact(request, user, pairId, input);
    return redirectWithFlash(back, { kind: 'success', key: 'meetings.support.saved' });
  }
  if (intent === 'fit-check') {
    const submission = parseWithZod(formData, { schema: fitSchema });
    if (submission.status !== 'success') return json({ form: 'fit', result: submission.reply() }, { status: 400 });
    const { intent: _intent, ...input } = submission.value;
    await recordFitCheck(request, user, pairId, input);
    return redirectWithFlash(back, { kind: 'success', key: 'meetings.fit.saved' });
  }
  throw new Response('Bad Request', { status: 400 });
}

function SupportForms() {
  const { pair, today } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  const language = useLanguage();
  const [supportForm, support] = useForm<z.input<typeof supportSchema>>({
    id: 'support-contact',
    lastResult: actionData?.form === 'support' ? actionData.result : undefined,
    defaultValue: { withWhom: 'VOLUNTEER', kind: 'PHONE', heldOn: today, durationMinutes: '20' },
    shouldValidate: 'onSubmit',
  });
  const [fitForm, fit] = useForm<z.input<typeof fitSchema>>({
    id: 'fit-check',
    lastResult: actionData?.form === 'fit' ? actionData.result : undefined,
    defaultValue: { checkedOn: today },
    shouldValidate: 'onSubmit',
  });
  return (
    <section aria-labelledby="support-title">
      <h2 id="support-title">{t('meetings.support.title')}</h2>
      {pair.nextSupport ? (
        <p className={pair.nextSupport.due ? 'notice' : undefined}>
          {pair.nextSupport.due
            ? t('meetings.support.due', { date: formatDate(pair.nextSupport.dueDate, language) })
            : t('meetings.support.next', { date: formatDate(pair.nextSupport.dueDate, language) })}
        </p>
      ) : null}
      {pair.supportContacts.length === 0 ? <p>{t('meetings.support.none')}</p> : null}
      <ul>
        {pair.supportContacts.map((contact) => (
          <li key={contact.id}>
            {contact.heldOn ? formatDate(contact.heldOn, language) : ''} · {t(`meetings.support.with.${contact.withWhom}` as MessageKey)} ·{' '}
            {contact.kind ? t(`meetings.support.kind.${contact.kind}` as MessageKey) : ''} · {contact.durationMinutes} min
            {contact.note ? ` · ${contact.note}` : ''}
          </li>
        ))}
      </ul>
      {pair.status === 'ACTIVE' ? (
        <details className="more">
          <summary>{t('meetings.support.save')}</summary>
          <Form method="post" className="form" {...getFormProps(supportForm)}>
            <FormErrors id={supportForm.errorId} errors={supportForm.errors} />
            <input type="hidden" name="intent" value="support-contact" />
            <SelectField
              meta={support.withWhom}
              label={t('meetings.support.withWhom')}
              options={SUPPORT_WITH.map((value) => ({ value, label: t(`meetings.support.with.${value}`) }))}
            />
            <SelectField
              meta={support.kind}
              label={t('meetings.support.kind')}
              options={SUPPORT_KINDS.map((value) => ({ value, label: t(`meetings.support.kind.${value}`) }))}
            />
            <TextField meta={support.heldOn} label={t('meetings.support.heldOn')} type="date" />
            <TextField meta={support.durationMinutes} label={t('meetings.support.duration')} type="number" min={1} max={480} />
            <TextareaField meta={support.note} label={t('meetings.support.note')} rows={2} />
            <div className="actions">
              <button type="submit" className="primary">
                {t('meetings.support.save')}
              </button>
            </div>
          </Form>
        </details>
      ) : null}

      <h3>{t('meetings.fit.title')}</h3>
      {pair.fitCheckDue ? <p className="notice">{t('meetings.fit.due')}</p> : null}
      <ul>
        {pair.fitChecks.map((check) => (
          <li key={check.id}>
            {t('meetings.fit.done', {
              date: formatDate(check.checkedOn, language),
              volunteer: check.volunteerScore,
              participant: check.participantScore,
            })}
            {check.recommendRematch ? ` · ${t('meetings.pairs.rematch')}` : ''}
          </li>
        ))}
      </ul>
      {pair.status === 'ACTIVE' ? (
        <details className="more" open={pair.fitCheckDue}>
          <summary>{t('meetings.fit.save')}</summary>
          <Form method="post" className="form" {...getFormProps(fitForm)}>
            <FormErrors id={fitForm.errorId} errors={fitForm.errors} />
            <input type="hidden" name="intent" value="fit-check" />
            <TextField meta={fit.checkedOn} label={t('meetings.support.heldOn')} type="date" />
            <TextField meta={fit.volunteerScore} label={t('meetings.fit.volunteerScore')} type="number" min={1} max={5} />
            <TextField meta={fit.participantScore} label={t('meetings.fit.participantScore')} type="number" min={1} max={5} />
            <CheckboxField meta={fit.recommendRematch} label={t('meetings.fit.rematch')} />
            <TextareaField meta={fit.note} label={t('meetings.support.note')} rows={2} />
            <div className="actions">
              <button type="submit" className="primary">
                {t('meetings.fit.save')}
              </button>
            </div>
          </Form>
        </details>
      ) : null}
    </section>
  );
}

/** How the pair ended, in words; the coordinator may correct it (the pair is never reopened). */
function ClosureDetails() {
  const { pair, coordinator } = useLoaderData<typeof loader>();
  const t = useT();
  const language = useLanguage();
  const talk = pair.closureTalkDate
    ? t('closure.summary.talkHeld', { date: formatDate(pair.closureTalkDate, language) })
    : pair.closureTalkNotHeldReason
      ? t('closure.summary.talkNotHeld', { reason: pair.closureTalkNotHeldReason })
      : t('closure.pair.talkUnknown');
  return (
    <section aria-labelledby="closure-title" className="card">
      <h2 id="closure-title">{t('closure.pair.title')}</h2>
      <dl className="facts">
        {pair.endType ? (
          <>
            <dt>{t('closure.pair.type')}</dt>
            <dd>{t(`meetings.close.endType.${pair.endType}` as MessageKey)}</dd>
          </>
        ) : null}
        {pair.endReason ? (
          <>
            <dt>{t('closure.pair.reason')}</dt>
            <dd>{t(`meetings.close.reason.${pair.endReason}` as MessageKey)}</dd>
          </>
        ) : null}
        {pair.endDate ? (
          <>
            <dt>{t('closure.pair.endDate')}</dt>
            <dd>{formatDate(pair.endDate, language)}</dd>
          </>
        ) : null}
        {coordinator ? (
          <>
            <dt>{t('closure.pair.talk')}</dt>
            <dd>{talk}</dd>
          </>
        ) : null}
      </dl>
      {coordinator ? (
        <p>
          <Link to={`/pairs/${pair.id}/close`}>{t('closure.pair.correct')}</Link>
        </p>
      ) : null}
    </section>
  );
}

function ContactDetails() {
  const { pair, contact } = useLoaderData<typeof loader>();
  const t = useT();
  if (!contact) return null;
  const name = pair.participant.firstName;
  return (
    <section aria-labelledby="contact-title" className="card">
      <h2 id="contact-title">{t('pairContact.title', { name })}</h2>
      {contact.shared ? (
        <>
          <p>{t('pairContact.shared', { name })}</p>
          {contact.phone || contact.email ? (
            <dl className="facts">
              {contact.phone ? (
                <div>
                  <dt>{t('pairContact.phone')}</dt>
                  <dd>
                    <a href={`tel:${contact.phone.replace(/\s+/g, '')}`}>{contact.phone}</a>
                  </dd>
                </div>
              ) : null}
              {contact.email ? (
                <div>
                  <dt>{t('pairContact.email')}</dt>
                  <dd>
                    <a href={`mailto:${contact.email}`}>{contact.email}</a>
                  </dd>
                </div>
              ) : null}
            </dl>
          ) : (
            <p>{t('pairContact.none')}</p>
          )}
        </>
      ) : contact.coordinator ? (
        <>
          <p>{t('pairContact.viaCoordinator', { name })}</p>
          <dl className="facts">
            <div>
              <dt>{t('role.COORDINATOR')}</dt>
              <dd>{contact.coordinator.name}</dd>
            </div>
            {contact.coordinator.phone ? (
              <div>
                <dt>{t('pairContact.phone')}</dt>
                <dd>
                  <a href={`tel:${contact.coordinator.phone.replace(/\s+/g, '')}`}>{contact.coordinator.phone}</a>
                </dd>
              </div>
            ) : null}
            <div>
              <dt>{t('pairContact.email')}</dt>
              <dd>
                <a href={`mailto:${contact.coordinator.email}`}>{contact.coordinator.email}</a>
              </dd>
            </div>
          </dl>
        </>
      ) : (
        <p>{t('pairContact.noCoordinator', { name })}</p>
      )}
    </section>
  );
}

export default function PairPage() {
  const { pair, contact, texts, coordinator, participantLinks } = useLoaderData<typeof loader>();
  const t = useT();
  const language = useLanguage();
  return (
    <>
      <h1>{t('meetings.pair.title', { participant: pair.participant.firstName, volunteer: pair.volunteerName })}</h1>
      <p className="muted">
        {pair.startDate ? t('meetings.pair.since', { date: formatDate(pair.startDate, language) }) : null}
        {pair.endDate ? ` · ${t('meetings.pair.ended', { date: formatDate(pair.endDate, language) })}` : null}
        {' · '}
        {t('meetings.pair.release', { date: formatDate(pair.participant.releaseDate, language) })}
      </p>
      {pair.status === 'ENDED' ? <ClosureDetails /> : null}
      {pair.month ? (
        <section aria-labelledby="month-title" className="card">
          <h2 id="month-title">{t('meetings.pair.monthTitle')}</h2>
          <p className="month-progress">
            <strong>{t('meetings.me.month', { held: pair.month.held, target: pair.month.target })}</strong>{' '}
            <HealthBadge health={pair.month.health} />
          </p>
          {pair.month.justReleased ? <p className="notice">{t('meetings.me.justReleased', { suggested: pair.month.suggested })}</p> : null}
          {pair.month.onHold ? <p className="notice">{t('pairs.status.ON_HOLD')}</p> : null}
          {pair.month.holdDays > 0 ? <p>{t('pairs.hold.monthDays', { days: pair.month.holdDays })}</p> : null}
          {pair.month.flaggedForRematch ? <p className="notice">{t('meetings.pairs.rematch')}</p> : null}
          <p className="actions">
            {!coordinator ? (
              <Link className="button" to={`/pairs/${pair.id}/plan`}>
                {t('meetings.me.planMonth')}
              </Link>
            ) : null}
            {coordinator ? (
              <Link className="button secondary" to={`/pairs/${pair.id}/close`}>
                {t('meetings.pair.close')}
              </Link>
            ) : null}
            {coordinator ? (
              <Link to={`/pairs/${pair.id}/hold`}>{t(pair.month.onHold ? 'pairs.hold.resumeLink' : 'pairs.hold.link')}</Link>
            ) : null}
            {coordinator ? <Link to={`/participants/${pair.participant.id}/plan/handover`}>{t('meetings.pair.handover')}</Link> : null}
            <Link to={`/pairs/${pair.id}/concern`}>{t('concerns.raise')}</Link>
          </p>
        </section>
      ) : coordinator ? (
        <p>
          <Link to={`/participants/${pair.participant.id}/plan/handover`}>{t('meetings.pair.handover')}</Link>
        </p>
      ) : null}

      {contact ? <ContactDetails /> : null}

      <PairTexts pairId={pair.id} texts={texts} viewerIsVolunteer={!coordinator} />

      {coordinator && pair.concerns.length > 0 ? (
        <section aria-labelledby="concerns-title">
          <h2 id="concerns-title">{t('meetings.dash.concerns')}</h2>
          <ul>
            {pair.concerns.map((concern) => (
              <li key={concern.id} className="concern">
                <span className="muted">
                  {formatDateTime(new Date(concern.createdAt), language)}
                  {concern.meetingId ? '' : ` · ${t('concerns.withoutMeeting')}`}
                </span>{' '}
                {concern.severity === 'URGENT' ? <span className="badge badge--red">{t('concerns.urgentBadge')}</span> : null}
                <p className="concern__text">{concern.text}</p>
                {concern.acknowledgedAt ? (
                  <span className="muted">
                    {t('meetings.pair.acknowledgedOn', { date: formatDate(new Date(concern.acknowledgedAt), language) })}
                  </span>
                ) : (
                  <AcknowledgeConcern pairId={pair.id} concernId={concern.id} />
                )}
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <section aria-labelledby="timeline-title">
        <h2 id="timeline-title">{t('meetings.pair.timeline')}</h2>
        {pair.meetings.length === 0 ? <p>{t('meetings.pair.noMeetings')}</p> : null}
        <ol className="timeline">
          {pair.meetings.map((meeting) => (
            <li key={meeting.id} className={`timeline__item timeline__item--${meeting.status.toLowerCase()}`}>
              <Link to={`/meetings/${meeting.id}`}>{formatDateTime(new Date(meeting.startsAt), language)}</Link>{' '}
              <span>{t(`meetings.status.${meeting.status}` as MessageKey)}</span>
              {meeting.gateMeeting ? <span className="badge"> {t('firstWeek.gateBadge')}</span> : null}
              {meeting.participantAnswer ? (
                <span className="badge"> {t(`sms.answer.${meeting.participantAnswer}` as MessageKey)}</span>
              ) : null}
              {meeting.accompanimentKind ? (
                <span className="badge">
                  {' '}
                  {t('services.accompanimentBadge', { kind: t(`services.accompanimentKind.${meeting.accompanimentKind}` as MessageKey) })}
                </span>
              ) : null}
              {meeting.replanReason ? (
                <p className="notice">
                  {t(`release.replan.${meeting.replanReason}` as MessageKey)}{' '}
                  <Link to={`/meetings/${meeting.id}`}>{t('release.replan.link')}</Link>
                </p>
              ) : null}
              <span className="muted">
                {' · '}
                {t(`meetings.placeType.${meeting.placeType}` as MessageKey)}
                {meeting.place ? ` – ${meeting.place}` : ''}
                {meeting.rating ? ` · ${t('meetings.pair.rating', { rating: meeting.rating })}` : ''}
              </span>
              {meeting.activity ? <div>{meeting.activity}</div> : null}
              {meeting.note ? <div className="muted">{meeting.note}</div> : null}
            </li>
          ))}
        </ol>
        {pair.meetingCount > pair.meetings.length ? (
          <p>
            {t('meetings.pair.timelineLatest', { shown: pair.meetings.length, total: pair.meetingCount })}{' '}
            <Link to="?meetings=all">{t('meetings.pair.timelineAll')}</Link>
          </p>
        ) : null}
      </section>

      <ServicesSummary participantId={pair.participant.id} rows={pair.tracker} />
      {coordinator ? <SupportForms /> : null}
      {participantLinks ? <ParticipantLinksPanel pairId={pair.id} block={participantLinks} fitChecks={pair.fitChecks} /> : null}
    </>
  );
}

export const meta = pageTitle('title.pair');

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
