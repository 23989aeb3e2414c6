import type { z } from 'zod';
import { getFormProps, useForm } from '@conform-to/react';
import { parseWithZod } from '~/lib/form-submission.server';
import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';
import { json } from '@remix-run/node';
import { Form, useActionData, useLoaderData } from '@remix-run/react';
import { GeneralErrorBoundary } from '~/components/error-boundary';
import { ErrorList, FormErrors, SelectField, TextareaField, TextField, CheckboxField } from '~/components/forms';
import { useT } from '~/components/use-translation';
import { applicationSchema, filledHoneypot, GENDERS, HONEYPOT_FIELD } from '~/domain/volunteers/application';
import { applyingRefusedFor, ignoreBotApplication, minVolunteerAge, receiveApplication } from '~/domain/volunteers/application.server';
import { AVAILABILITY } from '~/domain/volunteers/status';
import { getUser } from '~/lib/auth.server';
import { notifyOutbox } from '~/lib/email.server';
import { redirectWithFlash } from '~/lib/flash.server';
import { errorMessage } from '~/lib/form-errors';
import { resolveLanguage } from '~/lib/language.server';
import { clientAddress } from '~/lib/rate-limit.server';
import { todayInOslo } from '~/lib/time';
import { currentTime } from '~/lib/clock';
import { pageTitle } from '~/lib/page-title';

export async function loader({ request }: LoaderFunctionArgs) {
  const sent = new URL(request.url).searchParams.has('sent');
  return json({ minAge: await minVolunteerAge(), today: todayInOslo(), sent });
}

export async function action({ request }: ActionFunctionArgs) {
  const now = currentTime();
  const formData = await request.formData();
  const schema = applicationSchema({ minAge: await minVolunteerAge(), today: todayInOslo(now) });
  const address = clientAddress(request);
  const minutes = await applyingRefusedFor(address, now);
  if (minutes !== null) {
    const submission = parseWithZod(formData, { schema });
    return json({ result: submission.reply({ formErrors: [errorMessage('volunteers.apply.rateLimited', { minutes })] }) }, { status: 429 });
  }
  // A filled honeypot looks like success to the bot, and nothing is saved.
  if (filledHoneypot(formData)) {
    await ignoreBotApplication(address, now);
    return redirectWithFlash('/apply?sent', { kind: 'success', key: 'volunteers.apply.thanks' });
  }
  const submission = parseWithZod(formData, { schema });
  if (submission.status !== 'success') return json({ result: submission.reply() }, { status: 400 });
  const language = await resolveLanguage(request, await getUser(request));
  await receiveApplication(request, { address, application: submission.value, language, now });
  notifyOutbox();
  return redirectWithFlash('/apply?sent', { kind: 'success', key: 'volunteers.apply.thanks' });
}

export default function Apply() {
  const { minAge, today, sent } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  const [form, fields] = useForm<z.input<ReturnType<typeof applicationSchema>>>({
    id: 'apply',
    lastResult: actionData?.result,
    shouldValidate: 'onSubmit',
  });
  if (sent) {
    return (
      <section aria-labelledby="apply-title">
        <h1 id="apply-title">{t('volunteers.apply.title')}</h1>
        <p>{t('volunteers.apply.thanksNext')}</p>
      </section>
    );
  }
  const chosen = ([] as unknown[]).concat(fields.availability.initialValue ?? []);
  return (
    <section aria-labelledby="apply-title">
      <h1 id="apply-title">{t('volunteers.apply.title')}</h1>
      <p>{t('volunteers.apply.intro')}</p>
      <p>{t('volunteers.apply.requirements', { min: minAge })}</p>
      <Form method="post" className="form" {...getFormProps(form)}>
        <FormErrors id={form.errorId} errors={form.errors} />
        <h2>{t('volunteers.apply.aboutYou')}</h2>
        <TextField meta={fields.firstName} label={t('volunteers.apply.firstName')} autoComplete="given-name" />
        <TextField meta={fields.lastName} label={t('volunteers.apply.lastName')} autoComplete="family-name" />
        <TextField meta={fields.email} label={t('volunteers.apply.email')} type="email" autoComplete="email" />
        <TextField meta={fields.phone} label={t('volunteers.apply.phone')} type="tel" autoComplete="tel" />
        <TextField meta={fields.dateOfBirth} label={t('volunteers.apply.dateOfBirth')} type="date" autoComplete="bday" max={today} />
        <SelectField
          meta={fields.gender}
          label={t('volunteers.apply.gender')}
          options={[
            { value: '', label: t('volunteers.apply.genderNone') },
            ...GENDERS.filter((g) => g !== 'UNSPECIFIED').map((g) => ({ value: g, label: t(`volunteers.gender.${g}`) })),
          ]}
        />
        <TextField meta={fields.municipality} label={t('volunteers.apply.municipality')} autoComplete="address-level2" />
        <TextField meta={fields.interests} label={t('volunteers.apply.interests')} hint={t('volunteers.apply.listHint')} />
        <TextField meta={fields.languages} label={t('volunteers.apply.languages')} hint={t('volunteers.apply.listHint')} />
        <fieldset className="field" aria-describedby={fields.availability.errors ? fields.availability.errorId : undefined}>
          <legend>{t('volunteers.apply.availability')}</legend>
          {AVAILABILITY.map((value) => (
            <div className="checkbox" key={value}>
              <input
                type="checkbox"
                id={`${fields.availability.id}-${value}`}
                name={fields.availability.name}
                value={value}
                defaultChecked={chosen.includes(value)}
              />
              <label htmlFor={`${fields.availability.id}-${value}`}>{t(`volunteers.availability.${value}`)}</label>
            </div>
          ))}
          <ErrorList id={fields.availability.errorId} errors={fields.availability.errors} />
        </fieldset>
        <TextareaField meta={fields.motivation} label={t('volunteers.apply.motivation')} />
        <TextareaField meta={fields.experience} label={t('volunteers.apply.experience')} />
        <CheckboxField meta={fields.consent} label={t('volunteers.apply.consent')} />
        <div className="honeypot" aria-hidden="true">
          <label htmlFor="apply-website">{t('volunteers.apply.honeypot')}</label>
          <input id="apply-website" type="text" name={HONEYPOT_FIELD} tabIndex={-1} autoComplete="off" />
        </div>
        <div className="actions">
          <button type="submit" className="primary">
            {t('volunteers.apply.submit')}
          </button>
        </div>
      </Form>
    </section>
  );
}

export const meta = pageTitle('title.apply');

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
