import { getFormProps, useForm } from '@conform-to/react';
import { parseWithZod } from '~/lib/form-submission.server';
import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';
import { json } from '@remix-run/node';
import { Form, useActionData, useLoaderData } from '@remix-run/react';
import type { z } from 'zod';
import { GeneralErrorBoundary } from '~/components/error-boundary';
import { FormErrors, TextField } from '~/components/forms';
import { useT } from '~/components/use-translation';
import { NewPasswordFields } from '~/components/new-password-fields';
import { newPasswordSchema } from '~/domain/privacy/password-policy';
import { openFirstSession } from '~/domain/users/sessions.server';
import { acceptInvitation, EmailAlreadyUsedError, findOpenInvitation } from '~/domain/users/invitations.server';
import { HOME_BY_ROLE, roleSchema } from '~/lib/roles';
import { redirectWithFlash } from '~/lib/flash.server';
import { errorMessage } from '~/lib/form-errors';
import { requiredText } from '~/lib/validation';
import { pageTitle } from '~/lib/page-title';

function inviteSchema(email: string) {
  return newPasswordSchema(email, { name: requiredText(120) });
}

export async function loader({ params }: LoaderFunctionArgs) {
  const invitation = await findOpenInvitation(params.token ?? '');
  if (!invitation) return json({ invitation: null }, { status: 404 });
  return json({ invitation: { email: invitation.email, role: roleSchema.parse(invitation.role) } });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const formData = await request.formData();
  const invitation = await findOpenInvitation(params.token ?? '');
  const submission = parseWithZod(formData, { schema: inviteSchema(invitation?.email ?? '') });
  if (submission.status !== 'success') {
    return json({ result: submission.reply({ hideFields: ['password', 'confirm'] }) }, { status: 400 });
  }
  try {
    const user = await acceptInvitation(request, params.token ?? '', submission.value);
    if (!user) {
      return json({ result: submission.reply({ formErrors: [errorMessage('invite.invalid')] }) }, { status: 404 });
    }
    const cookie = await openFirstSession(request, user.id);
    return redirectWithFlash(
      HOME_BY_ROLE[roleSchema.parse(user.role)],
      { kind: 'success', key: 'invite.accepted' },
      { headers: { 'Set-Cookie': cookie } },
    );
  } catch (error) {
    if (!(error instanceof EmailAlreadyUsedError)) throw error;
    return json({ result: submission.reply({ formErrors: [errorMessage('invite.emailTaken')] }) }, { status: 409 });
  }
}

export default function AcceptInvitation() {
  const { invitation } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  const [form, fields] = useForm<z.input<ReturnType<typeof inviteSchema>>>({
    id: 'invite',
    lastResult: actionData?.result,
    shouldValidate: 'onSubmit',
  });
  if (!invitation) {
    return (
      <section>
        <h1>{t('invite.title')}</h1>
        <p role="alert">{t('invite.invalid')}</p>
      </section>
    );
  }
  return (
    <section aria-labelledby="invite-title">
      <h1 id="invite-title">{t('invite.title')}</h1>
      <p>{t('invite.intro', { role: t(`role.${invitation.role}`).toLowerCase() })}</p>
      <p>
        <strong>{invitation.email}</strong>
      </p>
      <Form method="post" className="form" {...getFormProps(form)}>
        <FormErrors id={form.errorId} errors={form.errors} />
        <TextField meta={fields.name} label={t('invite.name')} autoComplete="name" />
        <NewPasswordFields fields={fields} labels={{ password: 'invite.password', confirm: 'invite.passwordConfirm' }} />
        <div className="actions">
          <button type="submit" className="primary">
            {t('invite.submit')}
          </button>
        </div>
      </Form>
    </section>
  );
}

export const meta = pageTitle('title.invite');

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
