import { getFormProps, useForm } from '@conform-to/react';
import { parseWithZod } from '~/lib/form-submission';
import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';
import { json, redirect } from '@remix-run/node';
import { Form, useActionData, useLoaderData, useSearchParams } from '@remix-run/react';
import { z } from 'zod';
import { GeneralErrorBoundary } from '~/components/error-boundary';
import { FormErrors, TextField } from '~/components/forms';
import { useT } from '~/components/use-translation';
import { SECOND_FACTOR_PATHS, secondFactorStep } from '~/lib/second-factor';
import { DEMO_LOGINS, DEMO_PASSWORD } from '~/domain/users/demo-logins';
import { roleSchema, HOME_BY_ROLE } from '~/lib/roles';
import { signIn } from '~/domain/users/sign-in.server';
import { audit } from '~/lib/audit.server';
import { getUser, safeRedirect } from '~/lib/auth.server';
import { db } from '~/lib/db.server';
import { env } from '~/lib/env.server';
import { errorMessage } from '~/lib/form-errors';
import { clientAddress } from '~/lib/rate-limit.server';
import { createSession } from '~/lib/session.server';
import { emailField } from '~/lib/validation';
import { pageTitle } from '~/lib/page-title';

const schema = z.object({
  email: emailField,
  password: z.string({ error: errorMessage('form.required') }).min(1, { error: errorMessage('form.required') }).max(1000),
  redirectTo: z.string().optional(),
});

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getUser(request);
  if (user) throw redirect(HOME_BY_ROLE[user.role]);
  return json({ demoLogins: env().DEMO_MODE ? DEMO_LOGINS : [] });
}

export async function action({ request }: ActionFunctionArgs) {
  const formData = await request.formData();
  const submission = parseWithZod(formData, { schema });
  if (submission.status !== 'success') {
    return json({ result: submission.reply({ hideFields: ['password'] }) }, { status: 400 });
  }
  const outcome = await signIn(db, { ...submission.value, address: clientAddress(request) });
  if (!outcome.ok) {
    const message =
      outcome.reason === 'limited'
        ? errorMessage('login.rateLimited', { minutes: outcome.minutes })
        : errorMessage('login.invalid');
    return json(
      { result: submission.reply({ formErrors: [message], hideFields: ['password'] }) },
      { status: outcome.reason === 'limited' ? 429 : 400 },
    );
  }
  const { user } = outcome;
  const cookie = await createSession(db, user.id, request);
  await audit(db, request, { actorId: user.id, action: 'SIGN_IN', entityType: 'USER', entityId: user.id });
  const home = HOME_BY_ROLE[roleSchema.parse(user.role)];
  const target = safeRedirect(submission.value.redirectTo, home);
  const step = secondFactorStep(user, { verifiedAt: null }, env().DEMO_MODE);
  const next = step === 'verify' ? `${SECOND_FACTOR_PATHS.verify}?${new URLSearchParams({ redirectTo: target })}` : step ? SECOND_FACTOR_PATHS[step] : target;
  return redirect(next, { headers: { 'Set-Cookie': cookie } });
}

export default function Login() {
  const { demoLogins } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const t = useT();
  const [form, fields] = useForm({
    id: 'login',
    lastResult: actionData?.result,
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
    shouldValidate: 'onSubmit',
  });
  return (
    <section aria-labelledby="login-title">
      <h1 id="login-title">{t('login.title')}</h1>
      <Form method="post" className="form" {...getFormProps(form)}>
        <FormErrors id={form.errorId} errors={form.errors} />
        <input type="hidden" name="redirectTo" value={searchParams.get('redirectTo') ?? ''} />
        <TextField meta={fields.email} label={t('login.email')} type="email" autoComplete="username" />
        <TextField meta={fields.password} label={t('login.password')} type="password" autoComplete="current-password" />
        <div className="actions">
          <button type="submit" className="primary">
            {t('login.submit')}
          </button>
        </div>
      </Form>
      {demoLogins.length > 0 ? (
        <aside className="demo-logins" aria-labelledby="demo-title">
          <h2 id="demo-title">{t('login.demoTitle')}</h2>
          <p>{t('login.demoIntro', { password: DEMO_PASSWORD })}</p>
          <ul>
            {demoLogins.map((login) => (
              <li key={login.email}>
                <code>{login.email}</code> – {t(`role.${login.role}`)}
              </li>
            ))}
          </ul>
        </aside>
      ) : null}
    </section>
  );
}

export const meta = pageTitle('title.login');

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
