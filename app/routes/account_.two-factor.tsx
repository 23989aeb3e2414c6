import { getFormProps, useForm } from '@conform-to/react';
import { parseWithZod } from '~/lib/form-submission.server';
import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';
import { json } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import { z } from 'zod';
import { GeneralErrorBoundary } from '~/components/error-boundary';
import { FormErrors, TextField } from '~/components/forms';
import { useT } from '~/components/use-translation';
import { mayTurnOffTwoFactor } from '~/domain/privacy/two-factor';
import { secondFactorCodeField } from '~/domain/privacy/second-factor-code';
import { turnOffTwoFactor, turnOnTwoFactor, twoFactorState } from '~/domain/privacy/two-factor.server';
import { requireUser } from '~/lib/auth.server';
import { env } from '~/lib/env.server';
import { redirectWithFlash } from '~/lib/flash.server';
import { errorMessage } from '~/lib/form-errors';
import { pageTitle } from '~/lib/page-title';

const codeSchema = z.object({
  intent: z.enum(['enable', 'disable']),
  code: secondFactorCodeField,
});

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request, { capability: 'account:two-factor', secondFactor: 'setup' });
  const state = await twoFactorState(user);
  return json({
    enabledAt: state.enabledAt?.toISOString() ?? null,
    recoveryLeft: state.recoveryLeft,
    pending: state.pending,
    required: !mayTurnOffTwoFactor(env().DEMO_MODE),
  });
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request, { capability: 'account:two-factor', secondFactor: 'setup' });
  const submission = parseWithZod(await request.formData(), { schema: codeSchema });
  if (submission.status !== 'success')
    return json({ result: submission.reply({ hideFields: ['code'] }), recoveryCodes: null }, { status: 400 });
  const invalid = () =>
    json(
      {
        result: submission.reply({ fieldErrors: { code: [errorMessage('privacy.twoFactor.codeInvalid')] }, hideFields: ['code'] }),
        recoveryCodes: null,
      },
      { status: 400 },
    );
  if (submission.value.intent === 'enable') {
    const codes = await turnOnTwoFactor(request, user, submission.value.code);
    if (!codes) return invalid();
    // Shown once, in this response only; the database keeps their hashes.
    return json({ result: submission.reply({ resetForm: true }), recoveryCodes: codes });
  }
  const outcome = await turnOffTwoFactor(request, user.id, submission.value.code, env().DEMO_MODE);
  if (outcome === 'required')
    return json(
      { result: submission.reply({ formErrors: [errorMessage('privacy.twoFactor.requiredHint')] }), recoveryCodes: null },
      { status: 400 },
    );
  if (outcome === 'invalid') return invalid();
  return redirectWithFlash('/account/two-factor', { kind: 'success', key: 'privacy.twoFactor.disabled' });
}

export default function TwoFactorSetup() {
  const { enabledAt, recoveryLeft, pending, required } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  const intent = enabledAt ? 'disable' : 'enable';
  const [form, fields] = useForm<z.input<typeof codeSchema>>({
    id: `two-factor-${intent}`,
    lastResult: actionData?.result,
    shouldValidate: 'onSubmit',
  });
  if (actionData?.recoveryCodes) {
    return (
      <section aria-labelledby="recovery-title">
        <h1 id="recovery-title">{t('privacy.twoFactor.enabledTitle')}</h1>
        <p role="status">{t('privacy.twoFactor.recoveryIntro')}</p>
        <ul className="recovery-codes" aria-label={t('privacy.twoFactor.recoveryCodes')}>
          {actionData.recoveryCodes.map((code) => (
            <li key={code}>
              <code>{code}</code>
            </li>
          ))}
        </ul>
        <p>
          <Link to="/account">{t('privacy.twoFactor.done')}</Link>
        </p>
      </section>
    );
  }
  return (
    <section aria-labelledby="two-factor-title">
      <h1 id="two-factor-title">{t('privacy.twoFactor.title')}</h1>
      {enabledAt ? (
        <p>{t('privacy.twoFactor.isOn', { count: recoveryLeft })}</p>
      ) : (
        <>
          {required ? <p role="alert">{t('privacy.twoFactor.requiredHint')}</p> : null}
          <p>{t('privacy.twoFactor.intro')}</p>
          {pending ? (
            <div className="two-factor-setup">
              <img src={pending.qrDataUrl} width={220} height={220} alt={t('privacy.twoFactor.qrAlt')} />
              <p>
                {t('privacy.twoFactor.secretLabel')} <code data-testid="totp-secret">{pending.secret}</code>
              </p>
            </div>
          ) : null}
        </>
      )}
      {enabledAt && required ? null : (
        <Form method="post" className="form" {...getFormProps(form)}>
          <FormErrors id={form.errorId} errors={form.errors} />
          <input type="hidden" name="intent" value={intent} />
          <TextField meta={fields.code} label={t('privacy.twoFactor.code')} autoComplete="one-time-code" />
          <div className="actions">
            <button type="submit" className={enabledAt ? 'secondary' : 'primary'}>
              {t(enabledAt ? 'privacy.twoFactor.disable' : 'privacy.twoFactor.enable')}
            </button>
          </div>
        </Form>
      )}
    </section>
  );
}

export const meta = pageTitle('title.twoFactor');

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
