import { getFormProps, useForm } from '@conform-to/react';
import { parseWithZod } from '~/lib/form-submission';
import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';
import { json } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import { z } from 'zod';
import { GeneralErrorBoundary } from '~/components/error-boundary';
import { FormErrors, TextField } from '~/components/forms';
import { useT } from '~/components/use-translation';
import { secondFactorCodeField } from '~/domain/privacy/second-factor-code';
import { checkSecondFactor, disableTwoFactor, enableTwoFactor, setupDetails, startTwoFactor } from '~/domain/privacy/two-factor.server';
import { audit } from '~/lib/audit.server';
import { requireUser } from '~/lib/auth.server';
import { db } from '~/lib/db.server';
import { env } from '~/lib/env.server';
import { redirectWithFlash } from '~/lib/flash.server';
import { errorMessage } from '~/lib/form-errors';
import { markSessionVerified } from '~/lib/session.server';
import { pageTitle } from '~/lib/page-title';

const codeSchema = z.object({
  intent: z.enum(['enable', 'disable']),
  code: secondFactorCodeField,
});

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request, { role: 'COORDINATOR', secondFactor: 'setup' });
  let row = await db.user.findUniqueOrThrow({ where: { id: user.id }, select: { totpSecret: true, totpEnabledAt: true, recoveryCodes: true } });
  if (!row.totpEnabledAt && !row.totpSecret) row = { ...row, totpSecret: await startTwoFactor(db, user.id) };
  const pending = !row.totpEnabledAt && row.totpSecret ? { secret: row.totpSecret, ...(await setupDetails(row.totpSecret, user.email)) } : null;
  return json({
    enabledAt: row.totpEnabledAt?.toISOString() ?? null,
    recoveryLeft: Array.isArray(row.recoveryCodes) ? row.recoveryCodes.length : 0,
    pending,
    required: !env().DEMO_MODE,
  });
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request, { role: 'COORDINATOR', secondFactor: 'setup' });
  const submission = parseWithZod(await request.formData(), { schema: codeSchema });
  if (submission.status !== 'success') return json({ result: submission.reply({ hideFields: ['code'] }), recoveryCodes: null }, { status: 400 });
  const invalid = () =>
    json({ result: submission.reply({ fieldErrors: { code: [errorMessage('privacy.twoFactor.codeInvalid')] }, hideFields: ['code'] }), recoveryCodes: null }, { status: 400 });
  if (submission.value.intent === 'enable') {
    const codes = await db.$transaction(async (tx) => {
      const created = await enableTwoFactor(tx, user, submission.value.code);
      if (!created) return null;
      await markSessionVerified(tx, request);
      await audit(tx, request, { actorId: user.id, action: 'UPDATE', entityType: 'USER', entityId: user.id, detail: { twoFactor: 'enabled' } });
      return created;
    });
    if (!codes) return invalid();
    // Shown once, in this response only; the database keeps their hashes.
    return json({ result: submission.reply({ resetForm: true }), recoveryCodes: codes });
  }
  if (!env().DEMO_MODE) return json({ result: submission.reply({ formErrors: [errorMessage('privacy.twoFactor.requiredHint')] }), recoveryCodes: null }, { status: 400 });
  const checked = await checkSecondFactor(db, user.id, submission.value.code);
  if (!checked.ok) return invalid();
  await db.$transaction(async (tx) => {
    await disableTwoFactor(tx, user.id);
    await audit(tx, request, { actorId: user.id, action: 'UPDATE', entityType: 'USER', entityId: user.id, detail: { twoFactor: 'disabled' } });
  });
  return redirectWithFlash('/account/two-factor', { kind: 'success', key: 'privacy.twoFactor.disabled' });
}

export default function TwoFactorSetup() {
  const { enabledAt, recoveryLeft, pending, required } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  const intent = enabledAt ? 'disable' : 'enable';
  const [form, fields] = useForm({
    id: `two-factor-${intent}`,
    lastResult: actionData?.result,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: codeSchema }),
    shouldValidate: 'onBlur',
    shouldRevalidate: 'onInput',
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
