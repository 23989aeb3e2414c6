import { z } from 'zod';
import { getFormProps, useForm } from '@conform-to/react';
import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';
import { json } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import { GeneralErrorBoundary } from '~/components/error-boundary';
import { FormErrors, TextField } from '~/components/forms';
import { useLanguage, useT } from '~/components/use-translation';
import { changeReleaseDates, releaseHistory } from '~/domain/participants/release-date.server';
import { requireUser } from '~/lib/auth.server';
import { notifyOutbox } from '~/lib/email.server';
import { redirectWithFlash } from '~/lib/flash.server';
import { parseWithZod } from '~/lib/form-submission.server';
import { pageTitle } from '~/lib/page-title';
import { formatDate, isIsoDate } from '~/lib/time';
import { isoDateField, requiredText } from '~/lib/validation';

const optionalDate = z
  .string()
  .optional()
  .refine((value) => !value || isIsoDate(value))
  .transform((value) => value || null);

const releaseSchema = z.object({
  earliestReleaseDate: optionalDate,
  expectedReleaseDate: isoDateField,
  actualReleaseDate: optionalDate,
  reason: requiredText(300),
});

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request, { capability: 'participants:release-dates' });
  const participant = await releaseHistory(user, params.id ?? '');
  return json({ participant });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request, { capability: 'participants:release-dates' });
  const participant = await releaseHistory(user, params.id ?? '');
  const submission = parseWithZod(await request.formData(), { schema: releaseSchema });
  if (submission.status !== 'success') return json({ result: submission.reply() }, { status: 400 });
  const { flagged } = await changeReleaseDates(request, user, participant.id, submission.value);
  notifyOutbox();
  return redirectWithFlash(
    `/participants/${participant.id}/release`,
    flagged > 0 ? { kind: 'success', key: 'release.savedFlagged', params: { count: flagged } } : { kind: 'success', key: 'release.saved' },
  );
}

export default function ReleaseDates() {
  const { participant } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  const language = useLanguage();
  const [form, fields] = useForm<z.input<typeof releaseSchema>>({
    id: 'release-dates',
    lastResult: actionData?.result,
    shouldValidate: 'onSubmit',
    defaultValue: {
      earliestReleaseDate: participant.earliestReleaseDate ?? '',
      expectedReleaseDate: participant.expectedReleaseDate,
      actualReleaseDate: participant.actualReleaseDate ?? '',
    },
  });
  return (
    <>
      <h1>{t('release.title', { name: participant.firstName })}</h1>
      <p>{t('release.inForce', { date: formatDate(participant.inForce, language) })}</p>
      <Form method="post" className="form" {...getFormProps(form)}>
        <FormErrors id={form.errorId} errors={form.errors} />
        <TextField meta={fields.earliestReleaseDate} label={t('release.earliest')} type="date" />
        <TextField meta={fields.expectedReleaseDate} label={t('release.expected')} type="date" />
        <TextField meta={fields.actualReleaseDate} label={t('release.actual')} type="date" />
        <TextField meta={fields.reason} label={t('release.reason')} />
        <div className="actions">
          <button type="submit" className="primary">
            {t('release.submit')}
          </button>
        </div>
      </Form>
      <h2>{t('release.history')}</h2>
      <ul>
        {participant.releaseDateChanges.map((change) => (
          <li key={change.id}>
            {t('release.change', {
              date: formatDate(new Date(change.createdAt), language),
              from: change.fromDate ? formatDate(change.fromDate, language) : '–',
              to: formatDate(change.toDate, language),
              who: change.changedBy?.name ?? '–',
              reason: change.reason === 'REFERRAL' ? t('release.expected') : change.reason,
            })}
          </li>
        ))}
      </ul>
      <p>
        <Link to="/">{t('release.back')}</Link>
      </p>
    </>
  );
}

export const meta = pageTitle('title.releaseDates');

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
