import type { z } from 'zod';
import { getFormProps, useForm, type FieldMetadata } from '@conform-to/react';
import { parseWithZod } from '~/lib/form-submission.server';
import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';
import { json } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import { ChoiceGroup } from '~/components/choice-group';
import { ConfirmActions } from '~/components/confirm-actions';
import { GeneralErrorBoundary } from '~/components/error-boundary';
import { FormErrors, TextareaField, TextField } from '~/components/forms';
import { useLanguage, useT } from '~/components/use-translation';
import { CLOSURE_TALK, closePairSchema, closureRules, closureSchema, type ClosureInput, type ClosureSummary } from '~/domain/pairs/closure';
import {
  closePair,
  closurePair,
  correctClosure,
  PairAlreadyEndedError,
  PairNotEndedError,
  previewClosure,
  viewClosurePair,
} from '~/domain/pairs/closure.server';
import { END_REASONS, END_TYPES } from '~/domain/pairs/status';
import { requireUser } from '~/lib/auth.server';
import { notifyOutbox } from '~/lib/email.server';
import { redirectWithFlash } from '~/lib/flash.server';
import type { MessageKey, Translate } from '~/lib/i18n';
import { formatDate, todayInOslo, type Language } from '~/lib/time';
import { pageTitle } from '~/lib/page-title';

/**
 * Ending a pair is two steps: the form (nothing pre-chosen) and a confirmation that says what
 * will happen; only the confirmed submit writes. An ended pair gets the correction form instead.
 * Intents: "review" (the default) → the confirmation; "edit" → back to the form with the values;
 * "confirm" → the ending; "correct" → the correction of an ended pair.
 */

type Values = Record<string, string>;

/** What was typed, as strings, to carry through the confirmation and back to the form. */
function typedValues(formData: FormData): Values {
  const values: Values = {};
  for (const [key, value] of formData) if (key !== 'intent' && typeof value === 'string') values[key] = value;
  return values;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request, { capability: 'pairs:manage' });
  const pair = await viewClosurePair(request, user, params.id ?? '');
  return json({ pair, today: todayInOslo() });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request, { capability: 'pairs:manage' });
  const pair = await closurePair(params.id ?? '');
  const formData = await request.formData();
  const intent = formData.get('intent') ?? 'review';

  if (intent === 'correct') {
    if (pair.status !== 'ENDED') return json({ stage: 'notEnded' as const }, { status: 409 });
    const submission = parseWithZod(formData, { schema: closureSchema(closureRules(pair, todayInOslo())) });
    if (submission.status !== 'success') return json({ stage: 'correct' as const, result: submission.reply() }, { status: 400 });
    try {
      await correctClosure(request, user, pair.id, submission.value);
    } catch (error) {
      if (!(error instanceof PairNotEndedError)) throw error;
      return json({ stage: 'notEnded' as const }, { status: 409 });
    }
    return redirectWithFlash(`/pairs/${pair.id}`, { kind: 'success', key: 'closure.corrected' });
  }

  if (pair.status !== 'ACTIVE') return json({ stage: 'alreadyEnded' as const }, { status: 409 });
  const values = typedValues(formData);
  if (intent === 'edit') return json({ stage: 'form' as const, values });
  if (intent !== 'review' && intent !== 'confirm') throw new Response('Bad Request', { status: 400 });
  const submission = parseWithZod(formData, { schema: closePairSchema(closureRules(pair, todayInOslo())) });
  if (submission.status !== 'success') return json({ stage: 'form' as const, result: submission.reply(), values }, { status: 400 });

  try {
    if (intent === 'review') {
      const summary = await previewClosure(pair.id, submission.value);
      return json({ stage: 'confirm' as const, values, details: submission.value, summary });
    }
    await closePair(request, user, pair.id, submission.value);
  } catch (error) {
    if (!(error instanceof PairAlreadyEndedError)) throw error;
    return json({ stage: 'alreadyEnded' as const }, { status: 409 });
  }
  notifyOutbox();
  return redirectWithFlash(`/pairs/${pair.id}`, { kind: 'success', key: 'meetings.close.saved' });
}

type DetailField = 'endType' | 'endReason' | 'endDate' | 'closureTalk' | 'closureTalkDate' | 'closureTalkNotHeldReason';

function ClosureDetailsFields({ fields }: { fields: Record<DetailField, FieldMetadata<unknown>> }) {
  const t = useT();
  return (
    <>
      <ChoiceGroup
        meta={fields.endType}
        legend={t('meetings.close.endType')}
        options={END_TYPES.map((value) => ({ value, label: t(`meetings.close.endType.${value}`) }))}
      />
      <ChoiceGroup
        meta={fields.endReason}
        legend={t('meetings.close.endReason')}
        options={END_REASONS.map((value) => ({ value, label: t(`meetings.close.reason.${value}`) }))}
      />
      <TextField meta={fields.endDate} label={t('meetings.close.endDate')} type="date" />
      <ChoiceGroup
        meta={fields.closureTalk}
        legend={t('closure.talk')}
        options={CLOSURE_TALK.map((value) => ({ value, label: t(`closure.talk.${value}`) }))}
      />
      <TextField meta={fields.closureTalkDate} label={t('closure.talkDate')} type="date" />
      <TextareaField meta={fields.closureTalkNotHeldReason} label={t('closure.notHeldReason')} rows={2} />
    </>
  );
}

function CloseForm({ values }: { values?: Values }) {
  const { pair } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  const [form, fields] = useForm<ClosureInput>({
    id: 'close-pair',
    lastResult: actionData && 'result' in actionData ? actionData.result : undefined,
    defaultValue: values,
    shouldValidate: 'onSubmit',
  });
  return (
    <>
      <p>{t('meetings.close.intro')}</p>
      <p>
        {t('meetings.close.handoverHint')}{' '}
        <Link to={`/participants/${pair.participant.id}/plan/handover`}>{t('meetings.pair.handover')}</Link>
      </p>
      <Form method="post" className="form" {...getFormProps(form)}>
        <FormErrors id={form.errorId} errors={form.errors} />
        <ClosureDetailsFields fields={fields} />
        <details
          className="more"
          open={Boolean(values?.contactAfterClosure || values?.surveyScore || values?.surveyComment || values?.endNote)}
        >
          <summary>{t('closure.more')}</summary>
          <TextareaField meta={fields.contactAfterClosure} label={t('meetings.close.contactAfter')} rows={2} />
          <TextField meta={fields.surveyScore} label={t('meetings.close.surveyScore')} type="number" min={1} max={5} />
          <TextareaField meta={fields.surveyComment} label={t('meetings.close.surveyComment')} rows={2} />
          <TextareaField meta={fields.endNote} label={t('meetings.close.note')} rows={2} />
        </details>
        <ConfirmActions hint={t('closure.reviewHint')} name="intent" value="review" label={t('closure.review')} />
      </Form>
    </>
  );
}

function talkText(t: Translate, language: Language, details: { closureTalkDate: string | null; closureTalkNotHeldReason: string | null }) {
  if (details.closureTalkDate) return t('closure.summary.talkHeld', { date: formatDate(details.closureTalkDate, language) });
  if (details.closureTalkNotHeldReason) return t('closure.summary.talkNotHeld', { reason: details.closureTalkNotHeldReason });
  return t('closure.pair.talkUnknown');
}

function meetingsText(t: Translate, count: number) {
  if (count === 0) return t('closure.summary.meetingsNone');
  if (count === 1) return t('closure.summary.meetingsOne');
  return t('closure.summary.meetingsMany', { count });
}

/** What was typed, sent again as hidden fields with the intent of the button pressed. */
function TypedValuesForm({ values, intent, className, label }: { values: Values; intent: string; className: string; label: string }) {
  return (
    <Form method="post">
      {Object.entries(values).map(([key, value]) => (
        <input key={key} type="hidden" name={key} value={value} />
      ))}
      <button type="submit" name="intent" value={intent} className={className}>
        {label}
      </button>
    </Form>
  );
}

function Confirmation({
  values,
  details,
  summary,
}: {
  values: Values;
  details: { endType: string; endReason: string; endDate: string; closureTalkDate: string | null; closureTalkNotHeldReason: string | null };
  summary: ClosureSummary;
}) {
  const { pair } = useLoaderData<typeof loader>();
  const t = useT();
  const language = useLanguage();
  const name = pair.participant.firstName;
  const status = t(`participantStatus.${summary.participant.to}` as MessageKey);
  const referrers = summary.recipients.filter((recipient) => recipient.role === 'PROBATION_OFFICER');
  return (
    <section aria-labelledby="confirm-title" className="card">
      <h2 id="confirm-title">{t('closure.confirmTitle')}</h2>
      <p>{t('closure.confirmIntro')}</p>
      <h3>{t('closure.summary.details')}</h3>
      <dl className="facts">
        <dt>{t('closure.pair.type')}</dt>
        <dd>{t(`meetings.close.endType.${details.endType}` as MessageKey)}</dd>
        <dt>{t('closure.pair.reason')}</dt>
        <dd>{t(`meetings.close.reason.${details.endReason}` as MessageKey)}</dd>
        <dt>{t('closure.pair.endDate')}</dt>
        <dd>{formatDate(details.endDate, language)}</dd>
        <dt>{t('closure.pair.talk')}</dt>
        <dd>{talkText(t, language, details)}</dd>
      </dl>
      <h3>{t('closure.summary.consequences')}</h3>
      <ul>
        <li>
          {summary.participant.changes
            ? t('closure.summary.participantChanges', { name, status })
            : t('closure.summary.participantUnchanged', { name, status })}
        </li>
        <li>{meetingsText(t, summary.cancelledMeetings)}</li>
        <li>
          {t('closure.summary.told')}
          <ul>
            {summary.recipients.map((recipient) => (
              <li key={`${recipient.role}-${recipient.name}`}>
                {recipient.role === 'VOLUNTEER'
                  ? t('closure.summary.volunteer', { name: recipient.name })
                  : recipient.organisation
                    ? t('closure.summary.referrer', { name: recipient.name, organisation: recipient.organisation })
                    : t('closure.summary.referrerNoOrganisation', { name: recipient.name })}
              </li>
            ))}
          </ul>
          {referrers.length === 0 ? <p>{t('closure.summary.noReferrer')}</p> : null}
        </li>
      </ul>
      <div className="actions">
        <TypedValuesForm values={values} intent="confirm" className="primary" label={t('closure.confirm')} />
        <TypedValuesForm values={values} intent="edit" className="secondary" label={t('closure.back')} />
      </div>
    </section>
  );
}

function CorrectForm() {
  const { pair } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  const [form, fields] = useForm<z.input<ReturnType<typeof closureSchema>>>({
    id: 'correct-closure',
    lastResult: actionData?.stage === 'correct' ? actionData.result : undefined,
    defaultValue: {
      endType: pair.endType ?? '',
      endReason: pair.endReason ?? '',
      endDate: pair.endDate ?? '',
      closureTalk: pair.closureTalkDate ? 'HELD' : pair.closureTalkNotHeldReason ? 'NOT_HELD' : '',
      closureTalkDate: pair.closureTalkDate ?? '',
      closureTalkNotHeldReason: pair.closureTalkNotHeldReason ?? '',
    },
    shouldValidate: 'onSubmit',
  });
  return (
    <section>
      <p>{t('closure.correctIntro')}</p>
      <Form method="post" className="form" {...getFormProps(form)}>
        <FormErrors id={form.errorId} errors={form.errors} />
        <ClosureDetailsFields fields={fields} />
        <div className="actions">
          <button type="submit" name="intent" value="correct" className="primary">
            {t('closure.correctSave')}
          </button>
        </div>
      </Form>
    </section>
  );
}

export default function ClosePair() {
  const { pair } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  const name = `${pair.participant.firstName} – ${pair.volunteer.firstName} ${pair.volunteer.lastName}`;
  const ended = pair.status === 'ENDED';
  return (
    <>
      <h1>{ended ? t('closure.correctTitle') : t('meetings.close.title')}</h1>
      <p>
        <Link to={`/pairs/${pair.id}`}>{name}</Link>
      </p>
      {actionData?.stage === 'alreadyEnded' ? (
        <p className="notice" role="alert">
          {t('closure.alreadyEnded')}
        </p>
      ) : null}
      {actionData?.stage === 'notEnded' ? (
        <p className="notice" role="alert">
          {t('closure.notEnded')}
        </p>
      ) : null}
      {ended ? (
        <>
          <p>{t('meetings.close.alreadyEnded')}</p>
          <CorrectForm />
        </>
      ) : actionData?.stage === 'confirm' ? (
        <Confirmation values={actionData.values} details={actionData.details} summary={actionData.summary} />
      ) : (
        <CloseForm values={actionData?.stage === 'form' ? actionData.values : undefined} />
      )}
    </>
  );
}

export const meta = pageTitle('title.closePair');

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
