import { useState } from 'react';
import { parseWithZod } from '~/lib/form-submission.server';
import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';
import { json, redirect } from '@remix-run/node';
import { Form, useActionData, useLoaderData, useSearchParams } from '@remix-run/react';
import { GeneralErrorBoundary } from '~/components/error-boundary';
import { FormErrors } from '~/components/field-errors';
import { formErrorId, PlainTextField, plainReply } from '~/components/plain-fields';
import { useT } from '~/components/use-translation';
import { DEMO_LOGINS, DEMO_PASSWORD } from '~/domain/users/demo-logins';
import { homeOf, signIn, signInFormSchema as schema, startSignedInSession } from '~/domain/users/sign-in.server';
import { getUser } from '~/lib/auth.server';
import { env } from '~/lib/env.server';
import { errorMessage } from '~/lib/form-errors';
import { clientAddress } from '~/lib/rate-limit.server';
import { pageTitle } from '~/lib/page-title';

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getUser(request);
  if (user) throw redirect(homeOf(user.role));
  return json({ demoLogins: env().DEMO_MODE ? DEMO_LOGINS : [] });
}

export async function action({ request }: ActionFunctionArgs) {
  const formData = await request.formData();
  const submission = parseWithZod(formData, { schema });
  if (submission.status !== 'success') {
    return json({ result: submission.reply({ hideFields: ['password'] }) }, { status: 400 });
  }
  const outcome = await signIn({ ...submission.value, address: clientAddress(request) });
  if (!outcome.ok) {
    const message =
      outcome.reason === 'limited' ? errorMessage('login.rateLimited', { minutes: outcome.minutes }) : errorMessage('login.invalid');
    return json(
      { result: submission.reply({ formErrors: [message], hideFields: ['password'] }) },
      { status: outcome.reason === 'limited' ? 429 : 400 },
    );
  }
  const { cookie, location } = await startSignedInSession(request, outcome.user, submission.value.redirectTo);
  return redirect(location, { headers: { 'Set-Cookie': cookie } });
}

export default function Login() {
  const { demoLogins } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const t = useT();
  // Checked on the server only: the page ships no form library (see plain-fields.tsx).
  const reply = plainReply(actionData?.result);
  // Each refusal empties the password field, as a new attempt should start blank.
  const [answered, setAnswered] = useState({ data: actionData, count: 0 });
  if (answered.data !== actionData) setAnswered({ data: actionData, count: answered.count + 1 });
  const invalid = Boolean(reply.formErrors?.length);
  return (
    <section aria-labelledby="login-title">
      <h1 id="login-title">{t('login.title')}</h1>
      <Form
        method="post"
        className="form"
        id="login"
        noValidate
        aria-invalid={invalid || undefined}
        aria-describedby={invalid ? formErrorId('login') : undefined}
      >
        <FormErrors id={formErrorId('login')} errors={reply.formErrors} />
        <input type="hidden" name="redirectTo" value={searchParams.get('redirectTo') ?? ''} />
        <PlainTextField formId="login" name="email" reply={reply} label={t('login.email')} type="email" autoComplete="username" />
        <PlainTextField
          key={answered.count}
          formId="login"
          name="password"
          reply={reply}
          label={t('login.password')}
          type="password"
          autoComplete="current-password"
        />
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
