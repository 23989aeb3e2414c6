import { z } from 'zod';
import { getFormProps, useForm } from '@conform-to/react';
import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';
import { json } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import { GeneralErrorBoundary } from '~/components/error-boundary';
import { ChoiceGroup } from '~/components/choice-group';
import { FormErrors, TextareaField, TextField } from '~/components/forms';
import { useLanguage, useT } from '~/components/use-translation';
import { holdPair, pairHolds, PairHoldError, putPairOnHold, resumePair } from '~/domain/pairs/hold.server';
import { HOLD_REASONS, type HoldReason } from '~/domain/pairs/status';
import { requireUser } from '~/lib/auth.server';
import { currentTime } from '~/lib/clock';
import { redirectWithFlash } from '~/lib/flash.server';
import { errorMessage } from '~/lib/form-errors';
import { parseWithZod } from '~/lib/form-submission.server';
import { pageTitle } from '~/lib/page-title';
import { formatDate, todayInOslo } from '~/lib/time';
import { isoDateField, optionalText } from '~/lib/validation';

const holdSchema = z.object({
  reason: z.enum(HOLD_REASONS, { error: errorMessage('pairs.hold.reasonRequired') }),
  fromDate: isoDateField,
  note: optionalText(500),
  /** Putting a pair on hold is a deliberate step: the first press only asks to confirm. */
  confirm: z.literal('yes').optional(),
});
const resumeSchema = z.object({ resumeOn: isoDateField });

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireUser(request, { capability: 'pairs:manage' });
  const pair = await holdPair(params.id ?? '');
  const holds = await pairHolds(pair.id);
  return json({
    pair: { id: pair.id, status: pair.status, participantFirstName: pair.participant.firstName },
    holds,
    today: todayInOslo(currentTime()),
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request, { capability: 'pairs:manage' });
  const pair = await holdPair(params.id ?? '');
  const formData = await request.formData();
  if (formData.get('intent') === 'resume') {
    const submission = parseWithZod(formData, { schema: resumeSchema });
    if (submission.status !== 'success') return json({ intent: 'resume', result: submission.reply() }, { status: 400 });
    try {
      await resumePair(request, user, pair.id, submission.value.resumeOn);
    } catch (error) {
      if (!(error instanceof PairHoldError)) throw error;
      return json(
        { intent: 'resume', result: submission.reply({ fieldErrors: { resumeOn: [errorMessage(error.key)] } }) },
        { status: 400 },
      );
    }
    return redirectWithFlash(`/pairs/${pair.id}`, { kind: 'success', key: 'pairs.hold.resumed' });
  }
  const submission = parseWithZod(formData, { schema: holdSchema });
  if (submission.status !== 'success') return json({ intent: 'hold', result: submission.reply() }, { status: 400 });
  const { confirm, ...hold } = submission.value;
  if (confirm !== 'yes') return json({ intent: 'hold', result: submission.reply(), confirm: hold });
  try {
    await putPairOnHold(request, user, pair.id, hold);
  } catch (error) {
    if (!(error instanceof PairHoldError)) throw error;
    return json({ intent: 'hold', result: submission.reply({ fieldErrors: { fromDate: [errorMessage(error.key)] } }) }, { status: 400 });
  }
  return redirectWithFlash(`/pairs/${pair.id}`, { kind: 'success', key: 'pairs.hold.saved' });
}

export default function PairHold() {
  const { pair, holds, today } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  const language = useLanguage();
  const confirmHold =
    actionData?.intent === 'hold' && 'confirm' in actionData ? (actionData.confirm as { reason: HoldReason; fromDate: string }) : null;
  const [holdForm, holdFields] = useForm<z.input<typeof holdSchema>>({
    id: 'pair-hold',
    lastResult: actionData?.intent === 'hold' ? actionData.result : undefined,
    shouldValidate: 'onSubmit',
    defaultValue: { fromDate: today },
  });
  const [resumeForm, resumeFields] = useForm<z.input<typeof resumeSchema>>({
    id: 'pair-resume',
    lastResult: actionData?.intent === 'resume' ? actionData.result : undefined,
    shouldValidate: 'onSubmit',
    defaultValue: { resumeOn: today },
  });
  return (
    <>
      <p>
        <Link to={`/pairs/${pair.id}`}>{t('pairs.hold.back')}</Link>
      </p>
      <h1>{t('pairs.hold.title', { name: pair.participantFirstName })}</h1>
      <p>{t('pairs.hold.intro')}</p>
      {pair.status === 'ACTIVE' ? (
        <Form method="post" className="form" {...getFormProps(holdForm)}>
          <FormErrors id={holdForm.errorId} errors={holdForm.errors} />
          <input type="hidden" name="intent" value="hold" />
          <ChoiceGroup
            meta={holdFields.reason}
            legend={t('pairs.hold.reasonLabel')}
            options={HOLD_REASONS.map((value) => ({ value, label: t(`pairs.hold.reason.${value}`) }))}
          />
          <TextField meta={holdFields.fromDate} label={t('pairs.hold.fromLabel')} type="date" />
          <TextareaField meta={holdFields.note} label={t('pairs.hold.noteLabel')} rows={2} />
          {confirmHold ? (
            <section className="cancel-confirm" role="alert" aria-labelledby="hold-confirm-title">
              <h2 id="hold-confirm-title">{t('pairs.hold.confirmTitle')}</h2>
              <p>
                {t('pairs.hold.confirmText', {
                  name: pair.participantFirstName,
                  date: formatDate(confirmHold.fromDate, language),
                  reason: t(`pairs.hold.reason.${confirmHold.reason}`),
                })}
              </p>
              <div className="actions">
                <button type="submit" name="confirm" value="yes" className="primary">
                  {t('pairs.hold.confirm')}
                </button>
                <Link className="button secondary" to={`/pairs/${pair.id}`}>
                  {t('pairs.hold.keep')}
                </Link>
              </div>
            </section>
          ) : (
            <div className="actions">
              <button type="submit" className="primary">
                {t('pairs.hold.submit')}
              </button>
            </div>
          )}
        </Form>
      ) : (
        <Form method="post" className="form" {...getFormProps(resumeForm)}>
          <FormErrors id={resumeForm.errorId} errors={resumeForm.errors} />
          <input type="hidden" name="intent" value="resume" />
          <TextField meta={resumeFields.resumeOn} label={t('pairs.hold.resumeOnLabel')} type="date" />
          <div className="actions">
            <button type="submit" className="primary">
              {t('pairs.hold.resumeSubmit')}
            </button>
          </div>
        </Form>
      )}
      <h2>{t('pairs.hold.history')}</h2>
      {holds.length === 0 ? <p>{t('pairs.hold.none')}</p> : null}
      <ul>
        {holds.map((hold) => (
          <li key={hold.id}>
            {hold.untilDate
              ? t('pairs.hold.span', {
                  from: formatDate(hold.fromDate, language),
                  until: formatDate(hold.untilDate, language),
                  reason: t(`pairs.hold.reason.${hold.reason}`),
                })
              : t('pairs.hold.spanOpen', { from: formatDate(hold.fromDate, language), reason: t(`pairs.hold.reason.${hold.reason}`) })}
            {hold.note ? ` · ${hold.note}` : ''}
          </li>
        ))}
      </ul>
    </>
  );
}

export const meta = pageTitle('title.pairHold');

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
