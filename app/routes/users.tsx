import { getFormProps, useForm } from '@conform-to/react';
import { parseWithZod } from '~/lib/form-submission.server';
import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';
import { json } from '@remix-run/node';
import { Form, useActionData, useLoaderData } from '@remix-run/react';
import { z } from 'zod';
import { GeneralErrorBoundary } from '~/components/error-boundary';
import { FormErrors, SelectField, TextField } from '~/components/forms';
import { useLanguage, useT } from '~/components/use-translation';
import { listUsersAndInvitations, OwnAccountError, setUserActive } from '~/domain/users/accounts.server';
import { sendInvitation, EmailAlreadyUsedError } from '~/domain/users/invitations.server';
import { ROLES, roleSchema } from '~/lib/roles';
import { requireUser } from '~/lib/auth.server';
import { notifyOutbox } from '~/lib/email.server';
import { redirectWithFlash } from '~/lib/flash.server';
import { errorMessage } from '~/lib/form-errors';
import { LANGUAGES } from '~/lib/i18n';
import { notFound } from '~/lib/permissions.server';
import { formatDate } from '~/lib/time';
import { emailField } from '~/lib/validation';
import { pageTitle } from '~/lib/page-title';

const inviteSchema = z.object({
  intent: z.literal('invite'),
  email: emailField,
  role: roleSchema,
  language: z.enum(LANGUAGES as ['nb', 'en']),
});

const activeSchema = z.object({
  intent: z.enum(['deactivate', 'reactivate']),
  userId: z.string().min(1),
});

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request, { capability: 'users:manage' });
  const [users, invitations] = await listUsersAndInvitations();
  return json({ users, invitations });
}

export async function action({ request }: ActionFunctionArgs) {
  const actor = await requireUser(request, { capability: 'users:manage' });
  const formData = await request.formData();
  if (formData.get('intent') === 'invite') {
    const submission = parseWithZod(formData, { schema: inviteSchema });
    if (submission.status !== 'success') return json({ result: submission.reply() }, { status: 400 });
    try {
      await sendInvitation(request, { ...submission.value, invitedById: actor.id });
    } catch (error) {
      if (!(error instanceof EmailAlreadyUsedError)) throw error;
      return json({ result: submission.reply({ fieldErrors: { email: [errorMessage('users.alreadyUser')] } }) }, { status: 400 });
    }
    notifyOutbox();
    return redirectWithFlash('/users', { kind: 'success', key: 'users.invited', params: { email: submission.value.email } });
  }
  const parsed = activeSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) throw new Response('Bad Request', { status: 400 });
  const { intent, userId } = parsed.data;
  let user;
  try {
    user = await setUserActive({ userId, active: intent === 'reactivate', actorId: actor.id, request });
  } catch (error) {
    if (!(error instanceof OwnAccountError)) throw error;
    return redirectWithFlash('/users', { kind: 'error', key: 'users.cannotDeactivateSelf' });
  }
  if (!user) notFound();
  return redirectWithFlash('/users', {
    kind: 'success',
    key: intent === 'reactivate' ? 'users.reactivatedFlash' : 'users.deactivatedFlash',
    params: { name: user.name },
  });
}

export default function Users() {
  const { users, invitations } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  const language = useLanguage();
  const [form, fields] = useForm<z.input<typeof inviteSchema>>({
    id: 'invite-user',
    lastResult: actionData?.result,
    defaultValue: { role: 'VOLUNTEER', language: 'nb' },
    shouldValidate: 'onSubmit',
  });
  return (
    <>
      <h1>{t('users.title')}</h1>
      <div className="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">{t('users.name')}</th>
              <th scope="col">{t('users.email')}</th>
              <th scope="col">{t('users.role')}</th>
              <th scope="col">{t('users.status')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('users.status')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {users.map((user) => (
              <tr key={user.id}>
                <td>{user.name}</td>
                <td>{user.email}</td>
                <td>{t(`role.${roleSchema.parse(user.role)}`)}</td>
                <td>{user.deactivatedAt ? t('users.deactivated') : t('users.active')}</td>
                <td>
                  <Form method="post">
                    <input type="hidden" name="userId" value={user.id} />
                    <button
                      type="submit"
                      className="secondary"
                      name="intent"
                      value={user.deactivatedAt ? 'reactivate' : 'deactivate'}
                      aria-label={`${user.deactivatedAt ? t('users.reactivate') : t('users.deactivate')}: ${user.name}`}
                    >
                      {user.deactivatedAt ? t('users.reactivate') : t('users.deactivate')}
                    </button>
                  </Form>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <h2>{t('users.pendingInvitations')}</h2>
      {invitations.length === 0 ? (
        <p>{t('users.none')}</p>
      ) : (
        <ul>
          {invitations.map((invitation) => (
            <li key={invitation.id}>
              {invitation.email} – {t(`role.${roleSchema.parse(invitation.role)}`)} – {t('users.expires')}{' '}
              {formatDate(new Date(invitation.expiresAt), language)}
            </li>
          ))}
        </ul>
      )}

      <h2 id="invite-title">{t('users.inviteTitle')}</h2>
      <Form method="post" className="form" aria-labelledby="invite-title" {...getFormProps(form)}>
        <FormErrors id={form.errorId} errors={form.errors} />
        <input type="hidden" name="intent" value="invite" />
        <TextField meta={fields.email} label={t('users.email')} type="email" autoComplete="off" />
        <SelectField
          meta={fields.role}
          label={t('users.role')}
          options={ROLES.map((role) => ({ value: role, label: t(`role.${role}`) }))}
        />
        <SelectField
          meta={fields.language}
          label={t('users.language')}
          options={LANGUAGES.map((lang) => ({ value: lang, label: t(`language.${lang}`) }))}
        />
        <div className="actions">
          <button type="submit" className="primary">
            {t('users.invite')}
          </button>
        </div>
      </Form>
    </>
  );
}

export const meta = pageTitle('title.users');

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
