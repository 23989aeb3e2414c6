import { getFormProps, useForm } from '@conform-to/react';
import { parseWithZod } from '~/lib/form-submission';
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { json } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import { z } from 'zod';
import { GeneralErrorBoundary } from '~/components/error-boundary';
import { FormErrors, SelectField, TextareaField, TextField } from '~/components/forms';
import { useT } from '~/components/use-translation';
import { wholeNumber } from '~/domain/meetings/forms';
import { closePair, PairAlreadyEndedError } from '~/domain/pairs/pairs.server';
import { END_REASONS, END_TYPES } from '~/domain/pairs/status';
import { requireUser } from '~/lib/auth.server';
import { audit } from '~/lib/audit.server';
import { db } from '~/lib/db.server';
import { redirectWithFlash } from '~/lib/flash.server';
import { errorMessage } from '~/lib/form-errors';
import { notFound } from '~/lib/permissions.server';
import { todayInOslo } from '~/lib/time';
import { isoDateField, optionalText } from '~/lib/validation';

function closeSchema(startDate: string) {
  return z
    .object({
      endType: z.enum(END_TYPES),
      endReason: z.enum(END_REASONS),
      endDate: isoDateField,
      closureTalkDate: isoDateField.optional(),
      contactAfterClosure: optionalText(500),
      surveyScore: wholeNumber(1, 5).optional(),
      surveyComment: optionalText(1000),
      endNote: optionalText(1000),
    })
    .refine((value) => value.endDate >= startDate, { path: ['endDate'], error: errorMessage('meetings.close.endBeforeStart') });
}

async function findPair(id: string) {
  const pair = await db.pair.findFirst({
    where: { id },
    select: { id: true, status: true, startDate: true, participant: { select: { id: true, firstName: true } }, volunteer: { select: { firstName: true, lastName: true } } },
  });
  if (!pair) notFound();
  return pair;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request, { capability: 'pairs:manage' });
  const pair = await findPair(params.id ?? '');
  await audit(db, request, { actorId: user.id, action: 'VIEW', entityType: 'PAIR', entityId: pair.id, participantId: pair.participant.id });
  return json({ pair, today: todayInOslo() });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request, { capability: 'pairs:manage' });
  const pair = await findPair(params.id ?? '');
  const submission = parseWithZod(await request.formData(), { schema: closeSchema(pair.startDate ?? '0000-01-01') });
  if (submission.status !== 'success') return json({ result: submission.reply() }, { status: 400 });
  try {
    await closePair(db, request, user, pair.id, submission.value);
  } catch (error) {
    if (!(error instanceof PairAlreadyEndedError)) throw error;
    return json({ result: submission.reply({ formErrors: [errorMessage('meetings.close.alreadyEnded')] }) }, { status: 409 });
  }
  return redirectWithFlash(`/pairs/${pair.id}`, { kind: 'success', key: 'meetings.close.saved' });
}

export default function ClosePair() {
  const { pair, today } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  const schema = closeSchema(pair.startDate ?? '0000-01-01');
  const [form, fields] = useForm({
    id: 'close-pair',
    lastResult: actionData?.result,
    defaultValue: { endType: 'PLANNED', endReason: 'PLAN_COMPLETED', endDate: today, closureTalkDate: today },
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
    shouldValidate: 'onBlur',
  });
  const name = `${pair.participant.firstName} – ${pair.volunteer.firstName} ${pair.volunteer.lastName}`;
  if (pair.status === 'ENDED') {
    return (
      <>
        <h1>{t('meetings.close.title')}</h1>
        <p>{t('meetings.close.alreadyEnded')}</p>
        <p>
          <Link to={`/pairs/${pair.id}`}>{name}</Link>
        </p>
      </>
    );
  }
  return (
    <>
      <h1>{t('meetings.close.title')}</h1>
      <p>
        <Link to={`/pairs/${pair.id}`}>{name}</Link>
      </p>
      <p>{t('meetings.close.intro')}</p>
      <p>
        {t('meetings.close.handoverHint')} <Link to={`/participants/${pair.participant.id}/plan/handover`}>{t('meetings.pair.handover')}</Link>
      </p>
      <Form method="post" className="form" {...getFormProps(form)}>
        <FormErrors id={form.errorId} errors={form.errors} />
        <SelectField
          meta={fields.endType}
          label={t('meetings.close.endType')}
          options={END_TYPES.map((value) => ({ value, label: t(`meetings.close.endType.${value}`) }))}
        />
        <SelectField
          meta={fields.endReason}
          label={t('meetings.close.endReason')}
          options={END_REASONS.map((value) => ({ value, label: t(`meetings.close.reason.${value}`) }))}
        />
        <TextField meta={fields.endDate} label={t('meetings.close.endDate')} type="date" />
        <TextField meta={fields.closureTalkDate} label={t('meetings.close.closureTalkDate')} type="date" />
        <TextareaField meta={fields.contactAfterClosure} label={t('meetings.close.contactAfter')} rows={2} />
        <TextField meta={fields.surveyScore} label={t('meetings.close.surveyScore')} type="number" min={1} max={5} />
        <TextareaField meta={fields.surveyComment} label={t('meetings.close.surveyComment')} rows={2} />
        <TextareaField meta={fields.endNote} label={t('meetings.close.note')} rows={2} />
        <div className="actions">
          <button type="submit" className="primary">
            {t('meetings.close.submit')}
          </button>
        </div>
      </Form>
    </>
  );
}

export const meta: MetaFunction = () => [{ title: 'Avslutt par – Brobygger' }];

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
