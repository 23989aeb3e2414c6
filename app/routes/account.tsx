import { getFormProps, useForm } from '@conform-to/react';
import { parseWithZod } from '~/lib/form-submission';
import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';
import { json } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import { z } from 'zod';
import { GeneralErrorBoundary } from '~/components/error-boundary';
import { ErrorList, FormErrors, TextField } from '~/components/forms';
import { useT } from '~/components/use-translation';
import { newPasswordField } from '~/domain/privacy/password-policy';
import { NOTIFICATION_MODES, notificationModeSchema } from '~/domain/users/notification-modes';
import { audit } from '~/lib/audit.server';
import { requireUser } from '~/lib/auth.server';
import { db } from '~/lib/db.server';
import { redirectWithFlash } from '~/lib/flash.server';
import { errorMessage } from '~/lib/form-errors';
import { LANGUAGES } from '~/lib/i18n';
import { hashPassword, verifyPassword } from '~/lib/password.server';
import { destroyAllSessions, destroyOtherSessions, destroySession } from '~/lib/session.server';
import { pageTitle } from '~/lib/page-title';

const preferencesSchema = z.object({
  intent: z.literal('preferences'),
  notificationMode: notificationModeSchema,
  language: z.enum(LANGUAGES as ['nb', 'en']),
});

function passwordSchema(email: string) {
  return z
    .object({
      intent: z.literal('password'),
      currentPassword: z.string({ error: errorMessage('form.required') }).max(1000),
      password: newPasswordField(email),
      confirm: z.string({ error: errorMessage('form.required') }),
    })
    .refine((value) => value.password === value.confirm, { path: ['confirm'], error: errorMessage('invite.passwordMismatch') });
}

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  return json({ notificationMode: user.notificationMode, language: user.language, email: user.email, coordinator: user.role === 'COORDINATOR' });
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const formData = await request.formData();
  if (formData.get('intent') === 'sign-out-everywhere') {
    await destroyAllSessions(db, user.id);
    await audit(db, request, { actorId: user.id, action: 'SIGN_OUT', entityType: 'USER', entityId: user.id, detail: { everywhere: true } });
    return redirectWithFlash(
      '/login',
      { kind: 'info', key: 'account.signedOutEverywhere' },
      { headers: { 'Set-Cookie': await destroySession(db, request) } },
    );
  }
  if (formData.get('intent') === 'password') {
    const submission = parseWithZod(formData, { schema: passwordSchema(user.email) });
    const hidden = { hideFields: ['currentPassword', 'password', 'confirm'] };
    if (submission.status !== 'success') return json({ form: 'password', result: submission.reply(hidden) }, { status: 400 });
    const row = await db.user.findUniqueOrThrow({ where: { id: user.id }, select: { passwordHash: true } });
    if (!(await verifyPassword(row.passwordHash, submission.value.currentPassword))) {
      return json(
        { form: 'password', result: submission.reply({ ...hidden, fieldErrors: { currentPassword: [errorMessage('privacy.password.currentWrong')] } }) },
        { status: 400 },
      );
    }
    const passwordHash = await hashPassword(submission.value.password);
    await db.$transaction(async (tx) => {
      await tx.user.update({ where: { id: user.id }, data: { passwordHash } });
      await destroyOtherSessions(tx, request, user.id);
      await audit(tx, request, { actorId: user.id, action: 'UPDATE', entityType: 'USER', entityId: user.id, detail: { password: true } });
    });
    return redirectWithFlash('/account', { kind: 'success', key: 'privacy.password.changed' });
  }
  const submission = parseWithZod(formData, { schema: preferencesSchema });
  if (submission.status !== 'success') return json({ form: 'preferences', result: submission.reply() }, { status: 400 });
  await db.user.update({
    where: { id: user.id },
    data: { notificationMode: submission.value.notificationMode, language: submission.value.language },
  });
  return redirectWithFlash('/account', { kind: 'success', key: 'account.saved' });
}

export default function Account() {
  const preferences = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  const [form, fields] = useForm({
    id: 'preferences',
    lastResult: actionData?.form === 'preferences' ? actionData.result : undefined,
    defaultValue: preferences,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: preferencesSchema }),
  });
  const [passwordForm, passwordFields] = useForm({
    id: 'password',
    lastResult: actionData?.form === 'password' ? actionData.result : undefined,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: passwordSchema(preferences.email) }),
    shouldValidate: 'onBlur',
    shouldRevalidate: 'onInput',
  });
  return (
    <>
      <h1>{t('account.title')}</h1>
      <Form method="post" className="form" {...getFormProps(form)}>
        <FormErrors id={form.errorId} errors={form.errors} />
        <input type="hidden" name="intent" value="preferences" />
        <fieldset>
          <legend>{t('account.notifications')}</legend>
          {NOTIFICATION_MODES.map((mode) => (
            <div className="checkbox" key={mode}>
              <input
                type="radio"
                id={`mode-${mode}`}
                name={fields.notificationMode.name}
                value={mode}
                defaultChecked={preferences.notificationMode === mode}
              />
              <label htmlFor={`mode-${mode}`}>{t(`account.mode.${mode}`)}</label>
            </div>
          ))}
          <p className="hint">{t('account.urgentNote')}</p>
          <ErrorList errors={fields.notificationMode.errors} />
        </fieldset>
        <fieldset>
          <legend>{t('account.language')}</legend>
          {LANGUAGES.map((language) => (
            <div className="checkbox" key={language}>
              <input
                type="radio"
                id={`language-${language}`}
                name={fields.language.name}
                value={language}
                defaultChecked={preferences.language === language}
              />
              <label htmlFor={`language-${language}`}>{t(`language.${language}`)}</label>
            </div>
          ))}
        </fieldset>
        <div className="actions">
          <button type="submit" className="primary">
            {t('form.save')}
          </button>
        </div>
      </Form>
      <h2>{t('privacy.password.title')}</h2>
      <Form method="post" className="form" {...getFormProps(passwordForm)}>
        <FormErrors id={passwordForm.errorId} errors={passwordForm.errors} />
        <input type="hidden" name="intent" value="password" />
        <TextField meta={passwordFields.currentPassword} label={t('privacy.password.current')} type="password" autoComplete="current-password" />
        <TextField
          meta={passwordFields.password}
          label={t('privacy.password.new')}
          hint={t('invite.passwordHint')}
          type="password"
          autoComplete="new-password"
        />
        <TextField meta={passwordFields.confirm} label={t('privacy.password.confirm')} type="password" autoComplete="new-password" />
        <div className="actions">
          <button type="submit" className="primary">
            {t('privacy.password.submit')}
          </button>
        </div>
      </Form>
      {preferences.coordinator ? (
        <>
          <h2>{t('privacy.twoFactor.title')}</h2>
          <p>
            <Link to="/account/two-factor">{t('privacy.twoFactor.manage')}</Link>
          </p>
        </>
      ) : null}
      <h2>{t('account.signOutEverywhere')}</h2>
      <Form method="post">
        <p className="hint">{t('account.signOutEverywhereHint')}</p>
        <button type="submit" name="intent" value="sign-out-everywhere" className="secondary">
          {t('account.signOutEverywhere')}
        </button>
      </Form>
    </>
  );
}

export const meta = pageTitle('title.account');

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
