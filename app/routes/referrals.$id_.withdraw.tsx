import type { z } from 'zod';
import { getFormProps, useForm } from '@conform-to/react';
import { parseWithZod } from '~/lib/form-submission.server';
import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';
import { pageTitle } from '~/lib/page-title';
import { json } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import { GeneralErrorBoundary } from '~/components/error-boundary';
import { CheckboxField, FormErrors, TextareaField } from '~/components/forms';
import { useLanguage, useT } from '~/components/use-translation';
import { withdrawalSchema } from '~/domain/referrals/withdrawal';
import { isOwnReferral, ReferralNotWithdrawableError, referralForWithdrawal, withdrawReferral } from '~/domain/referrals/withdrawal.server';
import { requireUser } from '~/lib/auth.server';
import { notifyOutbox } from '~/lib/email.server';
import { redirectWithFlash } from '~/lib/flash.server';
import { errorMessage } from '~/lib/form-errors';
import { notFound } from '~/lib/permissions.server';
import { formatDate } from '~/lib/time';

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request, { capability: 'referrals:withdraw-own' });
  const referral = await referralForWithdrawal(user, params.id ?? '', request);
  if (!referral) notFound();
  return json({ referral });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request, { capability: 'referrals:withdraw-own' });
  if (!(await isOwnReferral(user, params.id ?? ''))) notFound();
  const submission = parseWithZod(await request.formData(), { schema: withdrawalSchema });
  if (submission.status !== 'success') return json({ result: submission.reply() }, { status: 400 });
  let change;
  try {
    change = await withdrawReferral({ referralId: params.id ?? '', actor: user, reason: submission.value.reason, request });
  } catch (error) {
    if (!(error instanceof ReferralNotWithdrawableError)) throw error;
    return json({ result: submission.reply({ formErrors: [errorMessage('referralWithdraw.notWithdrawable')] }) }, { status: 409 });
  }
  if (!change) notFound();
  notifyOutbox();
  return redirectWithFlash(`/referrals/${params.id}`, { kind: 'success', key: 'referralWithdraw.done' });
}

export default function WithdrawReferral() {
  const { referral } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  const language = useLanguage();
  const [form, fields] = useForm<z.input<typeof withdrawalSchema>>({
    id: 'withdraw-referral',
    lastResult: actionData?.result,
    shouldValidate: 'onSubmit',
  });
  const back = `/referrals/${referral.id}`;
  return (
    <>
      <p>
        <Link to={back}>{t('referralWithdraw.back')}</Link>
      </p>
      <h1>{t('referralWithdraw.heading', { name: referral.participantName })}</h1>
      <p>
        {t('referralWithdraw.referredOn', { date: formatDate(referral.referralDate, language) })} {t('referrals.status')}:{' '}
        <span className={`badge status status--${referral.status.toLowerCase()}`}>{t(`participantStatus.${referral.status}`)}</span>
      </p>
      {!referral.mayWithdraw ? (
        <p role="alert">{t('referralWithdraw.decided')}</p>
      ) : (
        <Form method="post" className="form" aria-labelledby="withdraw-form-title" {...getFormProps(form)}>
          <h2 id="withdraw-form-title">{t('referralWithdraw.formTitle')}</h2>
          <p>{t('referralWithdraw.intro')}</p>
          <FormErrors id={form.errorId} errors={form.errors} />
          <TextareaField meta={fields.reason} label={t('referralWithdraw.reason')} hint={t('referralWithdraw.reasonHint')} rows={3} />
          <CheckboxField meta={fields.confirm} label={t('referralWithdraw.confirm')} />
          <div className="actions">
            <button type="submit" className="primary">
              {t('referralWithdraw.submit')}
            </button>
            <Link to={back}>{t('referralWithdraw.cancel')}</Link>
          </div>
        </Form>
      )}
    </>
  );
}

export const meta = pageTitle('title.withdrawReferral');

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
