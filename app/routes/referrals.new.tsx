import type { z } from 'zod';
import { getFormProps, getSelectProps, useForm } from '@conform-to/react';
import { parseWithZod } from '~/lib/form-submission.server';
import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';
import { json } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import { GeneralErrorBoundary } from '~/components/error-boundary';
import { CheckboxField, ErrorList, FormErrors, SelectField, TextareaField, TextField } from '~/components/forms';
import { useT } from '~/components/use-translation';
import { GENDERS, PROGRAMME_STATUSES, PROGRAMMES, WISHED_GENDERS } from '~/domain/participants/participant-form';
import { referralSchema } from '~/domain/referrals/referral-schema';
import { submitReferral } from '~/domain/referrals/referrals.server';
import { requireUser } from '~/lib/auth.server';
import { notifyOutbox } from '~/lib/email.server';
import { redirectWithFlash } from '~/lib/flash.server';
import { todayInOslo } from '~/lib/time';
import { pageTitle } from '~/lib/page-title';

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request, { capability: 'referrals:create' });
  return json({ today: todayInOslo() });
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request, { capability: 'referrals:create' });
  const today = todayInOslo();
  const submission = parseWithZod(await request.formData(), { schema: referralSchema(today) });
  if (submission.status !== 'success') {
    return json({ result: submission.reply(), duplicates: null }, { status: 400 });
  }
  const outcome = await submitReferral(request, user, submission.value, today);
  if (outcome.kind === 'possibleDuplicates') return json({ result: submission.reply(), duplicates: outcome.duplicates }, { status: 409 });
  notifyOutbox();
  return redirectWithFlash(`/referrals/${outcome.referralId}`, { kind: 'success', key: 'referrals.created' });
}

export default function NewReferral() {
  const { today } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  const [form, fields] = useForm<z.input<ReturnType<typeof referralSchema>>>({
    id: 'new-referral',
    lastResult: actionData?.result,
    defaultValue: {
      gender: 'UNSPECIFIED',
      wishedGender: 'NONE',
      consentDate: today,
      programmes: PROGRAMMES.map((programme) => ({ programme, status: 'NONE' })),
    },
    shouldValidate: 'onSubmit',
  });
  const programmeRows = fields.programmes.getFieldList();
  const duplicates = actionData?.duplicates;
  return (
    <>
      <h1>{t('referrals.newTitle')}</h1>
      <p>{t('referrals.newIntro')}</p>
      <Form method="post" className="form referral-form" {...getFormProps(form)}>
        <FormErrors id={form.errorId} errors={form.errors} />
        {duplicates?.length ? (
          <div className="duplicate-warning" role="alert">
            <h2>{t('referrals.duplicateTitle')}</h2>
            <p>{t('referrals.duplicateIntro')}</p>
            <ul>
              {duplicates.map((duplicate, index) => (
                <li key={index}>
                  {duplicate.href ? <Link to={duplicate.href}>{duplicate.name}</Link> : duplicate.name}
                  {duplicate.href ? null : ` – ${t('referrals.duplicateOtherReferrer')}`}
                </li>
              ))}
            </ul>
            <CheckboxField meta={fields.confirmDuplicate} label={t('referrals.confirmDuplicate')} />
          </div>
        ) : null}

        <fieldset>
          <legend>{t('referrals.sectionPerson')}</legend>
          <TextField meta={fields.firstName} label={t('referrals.firstName')} autoComplete="off" />
          <TextField meta={fields.lastName} label={t('referrals.lastName')} autoComplete="off" />
          <TextField
            meta={fields.dateOfBirth}
            label={t('referrals.dateOfBirth')}
            hint={t('referrals.dateOfBirthHint')}
            type="date"
            max={today}
          />
          <SelectField
            meta={fields.gender}
            label={t('referrals.gender')}
            options={GENDERS.map((gender) => ({ value: gender, label: t(`referrals.gender.${gender}`) }))}
          />
          <TextField meta={fields.phone} label={t('referrals.phone')} hint={t('referrals.phoneHint')} type="tel" autoComplete="off" />
          <TextField meta={fields.email} label={t('referrals.email')} type="email" autoComplete="off" />
        </fieldset>

        <fieldset>
          <legend>{t('referrals.sectionPrison')}</legend>
          <TextField meta={fields.prison} label={t('referrals.prison')} />
          <TextField meta={fields.prisonUnit} label={t('referrals.prisonUnit')} />
          <TextField meta={fields.expectedReleaseDate} label={t('referrals.release')} type="date" />
          <TextField meta={fields.releaseMunicipality} label={t('referrals.releaseMunicipality')} />
        </fieldset>

        <fieldset>
          <legend>{t('referrals.sectionWishes')}</legend>
          <TextField meta={fields.interests} label={t('referrals.interests')} hint={t('referrals.listHint')} />
          <TextField meta={fields.languages} label={t('referrals.languages')} hint={t('referrals.listHint')} />
          <SelectField
            meta={fields.wishedGender}
            label={t('referrals.wishedGender')}
            options={WISHED_GENDERS.map((gender) => ({ value: gender, label: t(`referrals.wishedGender.${gender}`) }))}
          />
          <TextareaField meta={fields.volunteerWishes} label={t('referrals.volunteerWishes')} rows={2} />
          <TextareaField meta={fields.needs} label={t('referrals.needs')} hint={t('referrals.needsHint')} />
        </fieldset>

        <fieldset>
          <legend>{t('referrals.sectionProgrammes')}</legend>
          <p className="hint">{t('referrals.programmesHint')}</p>
          {programmeRows.map((row, index) => {
            const rowFields = row.getFieldset();
            const programme = PROGRAMMES[index];
            if (!programme) return null; // one row per programme, in the same order
            const { key: statusKey, ...statusProps } = getSelectProps(rowFields.status);
            return (
              <fieldset key={row.key} className="programme-row">
                <legend>{t(`programme.${programme}`)}</legend>
                <input type="hidden" name={rowFields.programme.name} value={programme} />
                <div className="field">
                  <label htmlFor={rowFields.status.id}>{t('referrals.programmeStatus')}</label>
                  <select key={statusKey} {...statusProps}>
                    {(['NONE', ...PROGRAMME_STATUSES] as const).map((status) => (
                      <option key={status} value={status}>
                        {t(`programmeStatus.${status}`)}
                      </option>
                    ))}
                  </select>
                  <ErrorList id={rowFields.status.errorId} errors={rowFields.status.errors} />
                </div>
                {programme === 'OTHER' ? <TextField meta={rowFields.otherName} label={t('referrals.programmeName')} /> : null}
                <div className="date-pair">
                  <TextField meta={rowFields.startDate} label={t('referrals.startDate')} type="date" max={today} />
                  <TextField meta={rowFields.endDate} label={t('referrals.endDate')} type="date" max={today} />
                </div>
              </fieldset>
            );
          })}
        </fieldset>

        <fieldset>
          <legend>{t('referrals.sectionConsent')}</legend>
          <p className="hint">{t('referrals.consentIntro')}</p>
          <CheckboxField meta={fields.consentGiven} label={t('referrals.consentGiven')} />
          <TextField meta={fields.consentDate} label={t('referrals.consentDate')} type="date" max={today} />
          <TextField meta={fields.consentTakenBy} label={t('referrals.consentTakenBy')} />
          <p className="hint">{t('referrals.shareIntro')}</p>
          <CheckboxField meta={fields.shareContactWithVolunteer} label={t('referrals.shareContactWithVolunteer')} />
          <CheckboxField meta={fields.sharePlanWithVolunteer} label={t('referrals.sharePlanWithVolunteer')} />
          <CheckboxField meta={fields.shareAttendanceWithReferrer} label={t('referrals.shareAttendanceWithReferrer')} />
          <CheckboxField meta={fields.smsAllowed} label={t('sms.consent.smsAllowed')} />
          <CheckboxField meta={fields.volunteerMayText} label={t('sms.consent.volunteerMayText')} />
        </fieldset>

        <fieldset>
          <legend>{t('referrals.sectionPlan')}</legend>
          <p>{t('referrals.planAfterReferral')}</p>
          <TextareaField meta={fields.note} label={t('referrals.note')} rows={3} />
        </fieldset>

        <div className="actions">
          <button type="submit" className="primary">
            {t('referrals.submit')}
          </button>
          <Link to="/referrals">{t('form.cancel')}</Link>
        </div>
      </Form>
    </>
  );
}

export const meta = pageTitle('title.newReferral');

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
