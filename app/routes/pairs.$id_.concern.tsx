import type { z } from 'zod';
import { getFormProps, useForm } from '@conform-to/react';
import { parseWithZod } from '~/lib/form-submission.server';
import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';
import { pageTitle } from '~/lib/page-title';
import { json } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import { GeneralErrorBoundary } from '~/components/error-boundary';
import { CheckboxField, FormErrors, TextareaField } from '~/components/forms';
import { UrgentConfirmation } from '~/components/urgent-concern';
import { useT } from '~/components/use-translation';
import { findConcernPair, raisePairConcern, viewConcernPair } from '~/domain/concerns/concerns.server';
import { concernSchema } from '~/domain/concerns/forms';
import { EMERGENCY_NUMBERS, needsUrgentConfirmation, severityOf } from '~/domain/concerns/severity';
import { requireUser } from '~/lib/auth.server';
import { notifyOutbox } from '~/lib/email.server';
import { redirectWithFlash } from '~/lib/flash.server';

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request, { capability: 'concerns:raise' });
  const pair = await viewConcernPair(request, user, params.id ?? '');
  return json({ pair: { id: pair.id, participantFirstName: pair.participant.firstName } });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request, { capability: 'concerns:raise' });
  const pair = await findConcernPair(user, params.id ?? '');
  const formData = await request.formData();
  const submission = parseWithZod(formData, { schema: concernSchema });
  if (submission.status !== 'success') return json({ result: submission.reply(), emergencyNumbers: null }, { status: 400 });
  const severity = severityOf(submission.value.urgent);
  // An urgent concern first shows the emergency numbers; nothing is stored or sent until confirmed.
  if (needsUrgentConfirmation(severity, submission.value.confirmUrgent === 'yes')) {
    return json({ result: submission.reply(), emergencyNumbers: EMERGENCY_NUMBERS });
  }
  await raisePairConcern(request, user, pair.id, { text: submission.value.text, severity });
  notifyOutbox();
  return redirectWithFlash(`/pairs/${pair.id}`, { kind: 'success', key: severity === 'URGENT' ? 'concerns.sentUrgent' : 'concerns.sent' });
}

export default function RaiseConcern() {
  const { pair } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  const [form, fields] = useForm<z.input<typeof concernSchema>>({
    id: 'raise-concern',
    lastResult: actionData?.result,
    shouldValidate: 'onSubmit',
  });
  return (
    <>
      <p>
        <Link to={`/pairs/${pair.id}`}>{t('concerns.back')}</Link>
      </p>
      <h1>{t('concerns.title', { name: pair.participantFirstName })}</h1>
      <p>{t('concerns.intro')}</p>
      <p className="notice">{t('concerns.emergencyHint')}</p>
      <Form method="post" className="form" {...getFormProps(form)}>
        <FormErrors id={form.errorId} errors={form.errors} />
        <TextareaField meta={fields.text} label={t('concerns.text')} hint={t('concerns.textHint')} rows={5} />
        <CheckboxField meta={fields.urgent} label={t('concerns.urgent')} />
        {actionData?.emergencyNumbers ? (
          <UrgentConfirmation numbers={actionData.emergencyNumbers} />
        ) : (
          <div className="actions">
            <button type="submit" className="primary">
              {t('concerns.send')}
            </button>
          </div>
        )}
      </Form>
    </>
  );
}

export const meta = pageTitle('title.raiseConcern');

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
