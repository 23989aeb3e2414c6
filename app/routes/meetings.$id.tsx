import type { z } from 'zod';
import { getFormProps, useForm } from '@conform-to/react';
import { parseWithZod } from '~/lib/form-submission.server';
import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';
import { json } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import { ChoiceGroup, RATING_OPTIONS } from '~/components/choice-group';
import { FoldChoice } from '~/components/fold-choice';
import { GeneralErrorBoundary } from '~/components/error-boundary';
import { CheckboxField, FormErrors, SelectField, TextareaField, TextField } from '~/components/forms';
import { UrgentConfirmation } from '~/components/urgent-concern';
import { useLanguage, useT } from '~/components/use-translation';
import { ACCOMPANIMENT_KINDS, isAccompanimentKind, isTrackerItem } from '~/domain/participants/service-tracker';
import { CANCELLED_BY, cancelSchema } from '~/domain/meetings/cancellation';
import { LOG_OUTCOMES, PLACE_TYPES } from '~/domain/meetings/constants';
import { EMERGENCY_NUMBERS, needsUrgentConfirmation, severityOf, type EmergencyNumber } from '~/domain/concerns/severity';
import { logSchema, meetingDraftSchema, toDraft } from '~/domain/meetings/forms';
import { allowedPlaceTypes } from '~/domain/meetings/planning';
import {
  cancelMeeting,
  findMeeting,
  loggableAreas,
  logMeeting,
  MeetingRuleError,
  moveMeeting,
  viewMeeting,
} from '~/domain/meetings/meetings.server';
import { GOODS } from '~/domain/plans/areas';
import { requireUser } from '~/lib/auth.server';
import { notifyOutbox } from '~/lib/email.server';
import { redirectWithFlash } from '~/lib/flash.server';
import { errorMessage } from '~/lib/form-errors';
import type { MessageKey } from '~/lib/i18n';
import { formatDate, formatDateTime, occurrenceOf, osloDate, osloTime, todayInOslo } from '~/lib/time';
import { currentTime } from '~/lib/clock';
import { releaseDateInForce } from '~/domain/participants/release-date';
import { pageTitle } from '~/lib/page-title';

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request, { capability: 'meetings:read' });
  const { meeting, access } = await viewMeeting(request, user, params.id ?? '');
  const coordinator = access.seesNotes;
  const releaseDate = releaseDateInForce(meeting.pair.participant);
  return json({
    canAct: access.canAct,
    coordinator,
    now: currentTime().toISOString(),
    today: todayInOslo(),
    meeting: {
      id: meeting.id,
      pairId: meeting.pairId,
      startsAt: meeting.startsAt,
      date: osloDate(meeting.startsAt),
      time: osloTime(meeting.startsAt),
      fold: occurrenceOf(meeting.startsAt),
      durationMinutes: meeting.durationMinutes,
      placeType: meeting.placeType,
      place: meeting.place,
      status: meeting.status,
      cancelReason: meeting.cancelReason,
      participantAnswer: meeting.participantAnswer,
      participantAnswerVia: meeting.participantAnswerVia,
      gateMeeting: meeting.gateMeeting,
      accompanimentKind: isAccompanimentKind(meeting.accompanimentKind) ? meeting.accompanimentKind : null,
      trackerItem: isTrackerItem(meeting.trackerItem) ? meeting.trackerItem : null,
      // -- release (#21): flagged when a moved release date left it on the wrong side; the move form
      // opens with a place type that fits its date (allowedPlaceTypes, the rule planning uses).
      replan: meeting.replanReason
        ? {
            reason: meeting.replanReason,
            placeType: allowedPlaceTypes(releaseDate, osloDate(meeting.startsAt))[0],
          }
        : null,
      participantFirstName: meeting.pair.participant.firstName,
      releaseDate,
      log: meeting.log
        ? {
            outcome: meeting.log.outcome,
            durationMinutes: meeting.log.durationMinutes,
            activity: meeting.log.activity,
            rating: meeting.log.rating,
            areas: meeting.log.areas as string[],
            goods: meeting.log.goods as string[],
            note: coordinator ? meeting.log.note : null,
          }
        : null,
      concerns: coordinator ? meeting.concerns.map((c) => ({ id: c.id, text: c.text, acknowledgedAt: c.acknowledgedAt })) : [],
    },
    areas: loggableAreas(meeting),
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request, { capability: 'meetings:log' });
  const meeting = await findMeeting(user, params.id ?? '');
  const formData = await request.formData();
  const intent = formData.get('intent');
  const back = `/meetings/${meeting.id}`;
  try {
    if (intent === 'log') {
      const submission = parseWithZod(formData, { schema: logSchema });
      if (submission.status !== 'success') return json({ form: 'log', result: submission.reply(), confirm: false }, { status: 400 });
      const { concernUrgent, confirmUrgent, ...log } = submission.value;
      const concernSeverity = severityOf(concernUrgent);
      // An urgent concern first shows the emergency numbers; nothing is logged until confirmed.
      if (log.concern && needsUrgentConfirmation(concernSeverity, confirmUrgent === 'yes')) {
        return json({ form: 'log', result: submission.reply(), confirm: true, emergencyNumbers: EMERGENCY_NUMBERS });
      }
      try {
        await logMeeting(request, user, meeting.id, { ...log, concernSeverity });
      } catch (error) {
        if (!(error instanceof MeetingRuleError)) throw error;
        // Sent twice: the first one counted; show it rather than a form that is gone.
        if (error.key === 'meetings.log.alreadyLogged') return redirectWithFlash(back, { kind: 'info', key: error.key });
        const field =
          error.key === 'meetings.futureHeld' || error.key === 'meetings.noClearance' ? { outcome: [errorMessage(error.key)] } : undefined;
        return json(
          {
            form: 'log',
            result: submission.reply(field ? { fieldErrors: field } : { formErrors: [errorMessage(error.key)] }),
            confirm: false,
          },
          { status: 400 },
        );
      }
      notifyOutbox();
      return redirectWithFlash('/me', {
        kind: 'success',
        key: submission.value.concern ? 'meetings.log.savedConcern' : 'meetings.log.saved',
      });
    }
    if (intent === 'move') {
      const schema = meetingDraftSchema(releaseDateInForce(meeting.pair.participant), currentTime());
      const submission = parseWithZod(formData, { schema });
      if (submission.status !== 'success') return json({ form: 'move', result: submission.reply(), confirm: false }, { status: 400 });
      try {
        await moveMeeting(request, user, meeting.id, toDraft(submission.value));
      } catch (error) {
        // -- release (#21): a prison visit without the volunteer's clearance on that date, next to the field.
        if (!(error instanceof MeetingRuleError) || error.key !== 'meetings.noClearance') throw error;
        const fieldErrors = { placeType: [errorMessage(error.key)] };
        return json({ form: 'move', result: submission.reply({ fieldErrors }), confirm: false }, { status: 400 });
      }
      return redirectWithFlash(back, { kind: 'success', key: 'meetings.move.saved' });
    }
    if (intent === 'cancel') {
      const submission = parseWithZod(formData, { schema: cancelSchema });
      if (submission.status !== 'success') return json({ form: 'cancel', result: submission.reply(), confirm: false }, { status: 400 });
      // Cancelling is a deliberate step: the first press only asks to confirm.
      if (submission.value.confirm !== 'yes') {
        return json({ form: 'cancel', result: submission.reply(), confirm: true, cancelledBy: submission.value.cancelledBy });
      }
      await cancelMeeting(request, user, meeting.id, { cancelledBy: submission.value.cancelledBy, reason: submission.value.reason });
      return redirectWithFlash(`/pairs/${meeting.pairId}`, { kind: 'success', key: 'meetings.cancel.saved' });
    }
  } catch (error) {
    if (error instanceof MeetingRuleError) return redirectWithFlash(back, { kind: 'error', key: error.key });
    throw error;
  }
  throw new Response('Bad Request', { status: 400 });
}

/** The 1–5 rating of a meeting, each number its own label. */

function LogForm({ lastResult, emergencyNumbers }: { lastResult: unknown; emergencyNumbers: readonly EmergencyNumber[] | null }) {
  const { meeting, areas } = useLoaderData<typeof loader>();
  const t = useT();
  const [form, fields] = useForm<z.input<typeof logSchema>>({
    id: 'log-meeting',
    lastResult: lastResult as never,
    defaultValue: { outcome: 'HELD', durationMinutes: String(meeting.durationMinutes), accompaniment: meeting.accompanimentKind ?? 'NONE' },
    shouldValidate: 'onSubmit',
  });
  return (
    <section aria-labelledby="log-title">
      <h2 id="log-title">{t('meetings.log.title')}</h2>
      <Form method="post" className="form" {...getFormProps(form)}>
        <FormErrors id={form.errorId} errors={form.errors} />
        <input type="hidden" name="intent" value="log" />
        <ChoiceGroup
          meta={fields.outcome}
          legend={t('meetings.log.outcome')}
          options={LOG_OUTCOMES.map((value) => ({ value, label: t(`meetings.status.${value}`) }))}
        />
        <ChoiceGroup
          meta={fields.rating}
          legend={t('meetings.log.rating')}
          hint={t('meetings.log.ratingHint')}
          layout="rating"
          options={RATING_OPTIONS}
        />
        <TextField meta={fields.durationMinutes} label={t('meetings.log.duration')} type="number" min={5} max={600} />
        <TextField meta={fields.activity} label={t('meetings.log.activity')} />
        <SelectField
          meta={fields.accompaniment}
          label={t('services.accompaniment')}
          hint={t('services.accompanimentHint')}
          options={[
            { value: 'NONE', label: t('services.accompanimentNone') },
            ...ACCOMPANIMENT_KINDS.map((value) => ({ value, label: t(`services.accompanimentKind.${value}`) })),
          ]}
        />
        <TextareaField meta={fields.concern} label={t('meetings.log.concern')} hint={t('meetings.log.concernHint')} rows={3} />
        <CheckboxField meta={fields.concernUrgent} label={t('concerns.urgent')} hint={t('concerns.emergencyHint')} />
        <details className="more">
          <summary>{t('meetings.log.more')}</summary>
          <ChoiceGroup
            meta={fields.areas}
            legend={t('meetings.log.areas')}
            multiple
            options={areas.map((area) => ({
              value: area.key,
              label: area.title ?? t(`plans.area.${area.key}` as MessageKey),
            }))}
          />
          <ChoiceGroup
            meta={fields.goods}
            legend={t('meetings.log.goods')}
            multiple
            options={GOODS.map((value) => ({ value, label: t(`plans.good.${value}`) }))}
          />
          <TextareaField meta={fields.note} label={t('meetings.log.note')} hint={t('meetings.log.noteHint')} rows={3} />
        </details>
        {emergencyNumbers ? (
          <UrgentConfirmation numbers={emergencyNumbers} />
        ) : (
          <div className="actions">
            <button type="submit" className="primary">
              {t('meetings.log.save')}
            </button>
          </div>
        )}
      </Form>
    </section>
  );
}

function MoveForm({ lastResult }: { lastResult: unknown }) {
  const { meeting } = useLoaderData<typeof loader>();
  const t = useT();
  const [form, fields] = useForm<z.input<ReturnType<typeof meetingDraftSchema>>>({
    id: 'move-meeting',
    lastResult: lastResult as never,
    defaultValue: {
      date: meeting.date,
      time: meeting.time,
      ...(meeting.fold ? { fold: meeting.fold } : {}),
      durationMinutes: String(meeting.durationMinutes),
      // A flagged meeting is re-planned in one step: the date stays, the place type is one that fits it.
      placeType: meeting.replan ? meeting.replan.placeType : meeting.placeType,
      place: meeting.replan ? '' : (meeting.place ?? ''),
    },
    shouldValidate: 'onSubmit',
  });
  return (
    <details className="more" open={Boolean(lastResult) || Boolean(meeting.replan)}>
      <summary>{t('meetings.move.title')}</summary>
      <Form method="post" className="form" {...getFormProps(form)}>
        <FormErrors id={form.errorId} errors={form.errors} />
        <input type="hidden" name="intent" value="move" />
        <TextField meta={fields.date} label={t('meetings.field.date')} type="date" />
        <TextField meta={fields.time} label={t('meetings.field.time')} type="time" />
        <FoldChoice meta={fields.fold} date={fields.date.value} time={fields.time.value} />
        <TextField meta={fields.durationMinutes} label={t('meetings.field.duration')} type="number" min={15} max={480} />
        <SelectField
          meta={fields.placeType}
          label={t('meetings.field.placeType')}
          options={PLACE_TYPES.map((value) => ({ value, label: t(`meetings.placeType.${value}`) }))}
        />
        <TextField meta={fields.place} label={t('meetings.field.place')} hint={t('meetings.field.placeHint')} />
        <div className="actions">
          <button type="submit" className="primary">
            {t('meetings.move.save')}
          </button>
        </div>
      </Form>
    </details>
  );
}

function CancelForm({ lastResult, confirmWho }: { lastResult: unknown; confirmWho: string | null }) {
  const { meeting } = useLoaderData<typeof loader>();
  const t = useT();
  const language = useLanguage();
  const [form, fields] = useForm<z.input<typeof cancelSchema>>({
    id: 'cancel-meeting',
    lastResult: lastResult as never,
    shouldValidate: 'onSubmit',
  });
  return (
    <details className="more" open={Boolean(lastResult)}>
      <summary>{t('meetings.cancel.button')}</summary>
      <Form method="post" className="form" {...getFormProps(form)}>
        <FormErrors id={form.errorId} errors={form.errors} />
        <input type="hidden" name="intent" value="cancel" />
        <ChoiceGroup
          meta={fields.cancelledBy}
          legend={t('meetings.cancel.who')}
          options={CANCELLED_BY.map((value) => ({ value, label: t(`meetings.cancel.by.${value}`) }))}
        />
        <TextareaField meta={fields.reason} label={t('meetings.cancel.reason')} rows={2} />
        {confirmWho ? (
          <section className="cancel-confirm" role="alert" aria-labelledby="cancel-confirm-title">
            <h3 id="cancel-confirm-title">{t('meetings.cancel.confirmTitle')}</h3>
            <p>
              {t('meetings.cancel.confirmText', {
                when: formatDateTime(new Date(meeting.startsAt), language),
                who: t(`meetings.cancel.by.${confirmWho}` as MessageKey),
              })}
            </p>
            <div className="actions">
              <button type="submit" name="confirm" value="yes" className="primary">
                {t('meetings.cancel.confirm')}
              </button>
              <Link className="button secondary" to={`/meetings/${meeting.id}`}>
                {t('meetings.cancel.keep')}
              </Link>
            </div>
          </section>
        ) : (
          <div className="actions">
            <button type="submit" className="secondary">
              {t('meetings.cancel.next')}
            </button>
          </div>
        )}
      </Form>
    </details>
  );
}

export default function MeetingPage() {
  const { meeting, canAct, now } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  const language = useLanguage();
  const past = new Date(meeting.startsAt).getTime() <= new Date(now).getTime();
  const planned = meeting.status === 'PLANNED';
  return (
    <>
      <p>
        <Link to={`/pairs/${meeting.pairId}`}>{t('meetings.detail.with', { name: meeting.participantFirstName })}</Link>
      </p>
      <h1>{t('meetings.detail.title', { when: formatDateTime(new Date(meeting.startsAt), language) })}</h1>
      {meeting.gateMeeting ? <p className="badge">{t('firstWeek.gateBadge')}</p> : null}
      {meeting.accompanimentKind ? (
        <p>
          <span className="badge">
            {t('services.accompanimentBadge', { kind: t(`services.accompanimentKind.${meeting.accompanimentKind}`) })}
          </span>
          {meeting.trackerItem ? ` ${t('services.accompanimentItem', { item: t(`services.item.${meeting.trackerItem}`) })}` : null}
        </p>
      ) : null}
      {meeting.replan && planned ? (
        <p className="notice">
          {t(`release.replan.${meeting.replan.reason}` as MessageKey)}{' '}
          {t('release.replan.inForce', { date: formatDate(meeting.releaseDate, language) })}
        </p>
      ) : null}
      <dl className="facts">
        <div>
          <dt>{t('meetings.detail.place')}</dt>
          <dd>
            {t(`meetings.placeType.${meeting.placeType}` as MessageKey)}
            {meeting.place ? ` – ${meeting.place}` : ''} · {t('meetings.detail.duration', { minutes: meeting.durationMinutes })}
          </dd>
        </div>
        <div>
          <dt>{t('meetings.pairs.status')}</dt>
          <dd>
            {t(`meetings.status.${meeting.status}` as MessageKey)}
            {meeting.cancelReason ? ` · ${t('meetings.cancel.reasonShown', { reason: meeting.cancelReason })}` : ''}
            {meeting.participantAnswer
              ? ` · ${t(`sms.answer.${meeting.participantAnswer}` as MessageKey)} (${t(`sms.answer.via.${meeting.participantAnswerVia ?? 'SMS'}` as MessageKey)})`
              : ''}
          </dd>
        </div>
      </dl>
      <p>
        <a href={`/meetings/${meeting.id}/calendar.ics`} download>
          {t('meetings.detail.ics')}
        </a>
      </p>
      {meeting.log ? (
        <section aria-labelledby="logged-title">
          <h2 id="logged-title">{t('meetings.detail.logged')}</h2>
          <ul>
            {meeting.log.rating ? <li>{t('meetings.pair.rating', { rating: meeting.log.rating })}</li> : null}
            {meeting.log.durationMinutes ? <li>{t('meetings.detail.duration', { minutes: meeting.log.durationMinutes })}</li> : null}
            {meeting.log.activity ? <li>{meeting.log.activity}</li> : null}
            {meeting.log.areas.length ? (
              <li>
                {meeting.log.areas.map((area) => (area.startsWith('custom:') ? area : t(`plans.area.${area}` as MessageKey))).join(', ')}
              </li>
            ) : null}
            {meeting.log.goods.length ? <li>{meeting.log.goods.map((good) => t(`plans.good.${good}` as MessageKey)).join(', ')}</li> : null}
            {meeting.log.note ? (
              <li>
                {t('meetings.detail.note')}: {meeting.log.note}
              </li>
            ) : null}
          </ul>
        </section>
      ) : null}
      {meeting.concerns.length ? (
        <section aria-labelledby="concerns-title">
          <h2 id="concerns-title">{t('meetings.detail.concerns')}</h2>
          <ul>
            {meeting.concerns.map((concern) => (
              <li key={concern.id}>{concern.text}</li>
            ))}
          </ul>
        </section>
      ) : null}
      {canAct && planned ? (
        past ? (
          <LogForm
            lastResult={actionData?.form === 'log' ? actionData.result : undefined}
            emergencyNumbers={
              actionData?.form === 'log' && 'emergencyNumbers' in actionData
                ? (actionData.emergencyNumbers as readonly EmergencyNumber[])
                : null
            }
          />
        ) : (
          <>
            <p className="notice">{t('meetings.log.from', { when: formatDateTime(new Date(meeting.startsAt), language) })}</p>
            <MoveForm lastResult={actionData?.form === 'move' ? actionData.result : undefined} />
            <CancelForm
              lastResult={actionData?.form === 'cancel' ? actionData.result : undefined}
              confirmWho={actionData?.form === 'cancel' && 'cancelledBy' in actionData ? String(actionData.cancelledBy) : null}
            />
          </>
        )
      ) : null}
    </>
  );
}

export const meta = pageTitle('title.meeting');

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
