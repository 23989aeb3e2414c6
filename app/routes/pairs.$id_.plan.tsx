import { getFormProps, useForm } from '@conform-to/react';
import { parseWithZod } from '~/lib/form-submission.server';
import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';
import { json } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import { z } from 'zod';
import { GeneralErrorBoundary } from '~/components/error-boundary';
import { CheckboxField, FormErrors, SelectField, TextField } from '~/components/forms';
import { FoldChoice } from '~/components/fold-choice';
import { useLanguage, useT } from '~/components/use-translation';
import { PLACE_TYPES } from '~/domain/meetings/constants';
import { ACCOMPANIMENT_KINDS } from '~/domain/participants/service-tracker';
import { meetingDraftSchema, toDraft } from '~/domain/meetings/forms';
import { hasValidClearance } from '~/domain/volunteers/clearance';
import { findPlannablePair, MeetingRuleError, planMeetings } from '~/domain/meetings/meetings.server';
import { monthProposals } from '~/domain/meetings/plan-month.server';
import { requireUser } from '~/lib/auth.server';
import { redirectWithFlash } from '~/lib/flash.server';
import { errorMessage } from '~/lib/form-errors';
import { formatMonth } from '~/lib/time';
import { currentTime } from '~/lib/clock';
import { pageTitle } from '~/lib/page-title';

function planSchema(releaseDate: string, now: Date, prisonCleared?: (date: string) => boolean) {
  return z.object({
    meetings: z
      .array(meetingDraftSchema(releaseDate, now, prisonCleared))
      .refine((rows) => rows.some((row) => row.include), { error: errorMessage('meetings.plan.noneChosen') }),
  });
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request, { capability: 'meetings:plan' });
  const month = new URL(request.url).searchParams.get('month');
  const plan = await monthProposals(request, user, params.id ?? '', month);
  return json({ ...plan, now: currentTime().toISOString() });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request, { capability: 'meetings:plan' });
  const pair = await findPlannablePair(user, params.id ?? '');
  const now = currentTime();
  const submission = parseWithZod(await request.formData(), {
    schema: planSchema(pair.releaseDate, now, (date) => hasValidClearance(pair.clearances, pair.participant.prison, date)),
  });
  if (submission.status !== 'success') return json({ result: submission.reply() }, { status: 400 });
  const drafts = submission.value.meetings.filter((row) => row.include).map(toDraft);
  let planned: Awaited<ReturnType<typeof planMeetings>>;
  try {
    planned = await planMeetings(request, user, pair.id, drafts, now);
  } catch (error) {
    if (!(error instanceof MeetingRuleError)) throw error;
    return json({ result: submission.reply({ formErrors: [errorMessage(error.key)] }) }, { status: 400 });
  }
  const count = planned.created.length;
  if (count === 0) return redirectWithFlash('/me', { kind: 'info', key: 'meetings.plan.alreadyPlanned' });
  if (planned.existing > 0) {
    return redirectWithFlash('/me', {
      kind: 'success',
      key: 'meetings.plan.savedSomeExisting',
      params: { count, existing: planned.existing },
    });
  }
  return redirectWithFlash('/me', { kind: 'success', key: 'meetings.plan.saved', params: { count } });
}

export default function PlanMonth() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  const language = useLanguage();
  const [form, fields] = useForm<z.input<ReturnType<typeof planSchema>>>({
    id: `plan-${data.month}`,
    lastResult: actionData?.result,
    defaultValue: { meetings: data.proposals },
    shouldValidate: 'onSubmit',
  });
  const rows = fields.meetings.getFieldList();
  return (
    <>
      <h1>{t('meetings.plan.title', { name: data.pair.participantFirstName })}</h1>
      <nav aria-label={t('meetings.plan.month')} className="actions">
        <Link to="?" aria-current={data.month === data.current ? 'page' : undefined}>
          {t('meetings.plan.thisMonth')}
        </Link>
        <Link to={`?month=${data.next}`} aria-current={data.month === data.next ? 'page' : undefined}>
          {t('meetings.plan.nextMonth')}
        </Link>
      </nav>
      <p>{t('meetings.plan.status', { month: formatMonth(data.month, language), existing: data.existing, target: data.target })}</p>
      {rows.length === 0 ? (
        <p>
          {t('meetings.plan.full')} <Link to={`?month=${data.next}`}>{t('meetings.plan.nextMonth')}</Link>
        </p>
      ) : (
        <>
          <p>{t('meetings.plan.intro')}</p>
          <Form method="post" className="form" {...getFormProps(form)} key={data.month}>
            <FormErrors id={form.errorId} errors={form.errors} />
            <FormErrors id={fields.meetings.errorId} errors={fields.meetings.errors} />
            {rows.map((row, index) => {
              const field = row.getFieldset();
              return (
                <fieldset key={row.key} className="proposal">
                  <legend>{t('meetings.plan.proposal', { n: index + 1 })}</legend>
                  <CheckboxField meta={field.include} label={t('meetings.plan.include')} />
                  <div className="proposal__when">
                    <TextField meta={field.date} label={t('meetings.field.date')} type="date" />
                    <TextField meta={field.time} label={t('meetings.field.time')} type="time" />
                  </div>
                  <FoldChoice meta={field.fold} date={field.date.value} time={field.time.value} />
                  <TextField meta={field.durationMinutes} label={t('meetings.field.duration')} type="number" min={15} max={480} />
                  <SelectField
                    meta={field.placeType}
                    label={t('meetings.field.placeType')}
                    options={PLACE_TYPES.map((value) => ({ value, label: t(`meetings.placeType.${value}`) }))}
                  />
                  <TextField meta={field.place} label={t('meetings.field.place')} hint={t('meetings.field.placeHint')} />
                  <CheckboxField meta={field.gate} label={t('firstWeek.gateMeeting')} hint={t('firstWeek.gateMeetingHint')} />
                  <SelectField
                    meta={field.accompaniment}
                    label={t('services.accompaniment')}
                    hint={t('services.accompanimentHint')}
                    options={[
                      { value: '', label: t('services.accompanimentNone') },
                      ...ACCOMPANIMENT_KINDS.map((value) => ({ value, label: t(`services.accompanimentKind.${value}`) })),
                    ]}
                  />
                </fieldset>
              );
            })}
            <div className="actions">
              <button type="submit" className="primary">
                {t('meetings.plan.save')}
              </button>
            </div>
          </Form>
        </>
      )}
    </>
  );
}

export const meta = pageTitle('title.planMeetings');

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
