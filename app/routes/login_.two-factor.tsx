import { getFormProps, useForm } from '@conform-to/react';
import { parseWithZod } from '~/lib/form-submission.server';
import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';
import { json, redirect } from '@remix-run/node';
import { Form, useActionData, useSearchParams } from '@remix-run/react';
import { z } from 'zod';
import { GeneralErrorBoundary } from '~/components/error-boundary';
import { FormErrors, TextField } from '~/components/forms';
import { useT } from '~/components/use-translation';
import { secondFactorCodeField } from '~/domain/privacy/second-factor-code';
import { checkSecondFactor } from '~/domain/privacy/two-factor.server';
import { HOME_BY_ROLE } from '~/lib/roles';
import { completeSecondFactor } from '~/domain/users/sessions.server';
import { getUser, requireUser, safeRedirect } from '~/lib/auth.server';
import { errorMessage } from '~/lib/form-errors';
import { pageTitle } from '~/lib/page-title';

const schema = z.object({
  code: secondFactorCodeField,
  redirectTo: z.string().optional(),
});

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request, { secondFactor: 'verify' });
  // Already past the step (or never needed it): straight on.
  if (await getUser(request)) throw redirect(HOME_BY_ROLE[user.role]);
  return json({});
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request, { secondFactor: 'verify' });
  if (await getUser(request)) throw redirect(HOME_BY_ROLE[user.role]);
  const submission = parseWithZod(await request.formData(), { schema });
  if (submission.status !== 'success') return json({ result: submission.reply({ hideFields: ['code'] }) }, { status: 400 });
  const outcome = await checkSecondFactor(user.id, submission.value.code);
  if (!outcome.ok) {
    const limited = outcome.reason === 'limited';
    return json(
      {
        result: submission.reply({
          formErrors: [errorMessage(limited ? 'privacy.twoFactor.limited' : 'privacy.twoFactor.codeInvalid')],
          hideFields: ['code'],
        }),
      },
      { status: limited ? 429 : 400 },
    );
  }
  await completeSecondFactor(request, user.id, outcome.method);
  return redirect(safeRedirect(submission.value.redirectTo, HOME_BY_ROLE[user.role]));
}

export default function TwoFactorStep() {
  const actionData = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const t = useT();
  const [form, fields] = useForm<z.input<typeof schema>>({
    id: 'two-factor-step',
    lastResult: actionData?.result,
    shouldValidate: 'onSubmit',
  });
  return (
    <section aria-labelledby="two-factor-title">
      <h1 id="two-factor-title">{t('privacy.twoFactor.stepTitle')}</h1>
      <p>{t('privacy.twoFactor.stepIntro')}</p>
      <Form method="post" className="form" {...getFormProps(form)}>
        <FormErrors id={form.errorId} errors={form.errors} />
        <input type="hidden" name="redirectTo" value={searchParams.get('redirectTo') ?? ''} />
        <TextField
          meta={fields.code}
          label={t('privacy.twoFactor.code')}
          hint={t('privacy.twoFactor.stepHint')}
          autoComplete="one-time-code"
        />
        <div className="actions">
          <button type="submit" className="primary">
            {t('privacy.twoFactor.stepSubmit')}
          </button>
        </div>
      </Form>
      <Form method="post" action="/logout">
        <button type="submit" className="secondary">
          {t('nav.logout')}
        </button>
      </Form>
    </section>
  );
}

export const meta = pageTitle('title.twoFactor');

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
