import { getFormProps, useForm } from '@conform-to/react';
import { parseWithZod } from '~/lib/form-submission.server';
import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';
import { json } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import { z } from 'zod';
import { GeneralErrorBoundary } from '~/components/error-boundary';
import { ErrorList, FormErrors, TextField } from '~/components/forms';
import { useT } from '~/components/use-translation';
import { NewPasswordFields } from '~/components/new-password-fields';
import { passwordChangeSchema } from '~/domain/privacy/password-policy';
import { savePreferences } from '~/domain/users/accounts.server';
import { changePassword } from '~/domain/users/password-change.server';
import { signOutEverywhere } from '~/domain/users/sessions.server';
import { NOTIFICATION_MODES, notificationModeSchema } from '~/domain/users/notification-modes';
import { requireUser } from '~/lib/auth.server';
import { redirectWithFlash } from '~/lib/flash.server';
import { errorMessage } from '~/lib/form-errors';
import { LANGUAGES } from '~/lib/i18n';
import { can } from '~/lib/permissions.server';
import { pageTitle } from '~/lib/page-title';

const preferencesSchema = z.object({
  intent: z.literal('preferences'),
  notificationMode: notificationModeSchema,
  language: z.enum(LANGUAGES as ['nb', 'en']),
});

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  return json({
    notificationMode: user.notificationMode,
    language: user.language,
    email: user.email,
    twoFactor: can(user.role, 'account:two-factor'),
  });
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const formData = await request.formData();
  if (formData.get('intent') === 'sign-out-everywhere') {
    const cookie = await signOutEverywhere(request, user.id);
    return redirectWithFlash('/login', { kind: 'info', key: 'account.signedOutEverywhere' }, { headers: { 'Set-Cookie': cookie } });
  }
  if (formData.get('intent') === 'password') {
    const submission = parseWithZod(formData, { schema: passwordChangeSchema(user.email) });
    const hidden = { hideFields: ['currentPassword', 'password', 'confirm'] };
    if (submission.status !== 'success') return json({ form: 'password', result: submission.reply(hidden) }, { status: 400 });
    if ((await changePassword(request, user.id, submission.value)) === 'currentWrong') {
      return json(
        {
          form: 'password',
          result: submission.reply({ ...hidden, fieldErrors: { currentPassword: [errorMessage('privacy.password.currentWrong')] } }),
        },
        { status: 400 },
      );
    }
    return redirectWithFlash('/account', { kind: 'success', key: 'privacy.password.changed' });
  }
  const submission = parseWithZod(formData, { schema: preferencesSchema });
  if (submission.status !== 'success') return json({ form: 'preferences', result: submission.reply() }, { status: 400 });
  await savePreferences(user.id, submission.value);
  return redirectWithFlash('/account', { kind: 'success', key: 'account.saved' });
}

export default function Account() {
  const preferences = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  const [form, fields] = useForm<z.input<typeof preferencesSchema>>({
    id: 'preferences',
    lastResult: actionData?.form === 'preferences' ? actionData.result : undefined,
    defaultValue: preferences,
  });
  const [passwordForm, passwordFields] = useForm<z.input<ReturnType<typeof passwordChangeSchema>>>({
    id: 'password',
    lastResult: actionData?.form === 'password' ? actionData.result : undefined,
    shouldValidate: 'onSubmit',
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
        <TextField
          meta={passwordFields.currentPassword}
          label={t('privacy.password.current')}
          type="password"
          autoComplete="current-password"
        />
        <NewPasswordFields fields={passwordFields} labels={{ password: 'privacy.password.new', confirm: 'privacy.password.confirm' }} />
        <div className="actions">
          <button type="submit" className="primary">
            {t('privacy.password.submit')}
          </button>
        </div>
      </Form>
      {preferences.twoFactor ? (
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
