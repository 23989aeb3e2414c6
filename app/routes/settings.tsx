import { getFormProps, useForm } from '@conform-to/react';
import { parseWithZod } from '~/lib/form-submission.server';
import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';
import { json } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import { z } from 'zod';
import { GeneralErrorBoundary } from '~/components/error-boundary';
import { CheckboxField, FormErrors, TextField } from '~/components/forms';
import { halfYearLabel } from '~/components/recruitment-panel';
import { useT } from '~/components/use-translation';
import { saveTargets, targetsFor } from '~/domain/recruitment/targets.server';
import { BOOLEAN_SETTING_KEYS, SERVICE_DEADLINE_SETTING_KEYS, SETTING_KEYS, SMS_SETTING_KEYS } from '~/domain/settings/definitions';
import { getSettings, saveSettings } from '~/domain/settings/settings.server';
import { isTargetHalfYear, shownTargetHalfYear, targetHalfYears } from '~/domain/recruitment/target-choices';
import { requireUser } from '~/lib/auth.server';
import { redirectWithFlash } from '~/lib/flash.server';
import { errorMessage } from '~/lib/form-errors';
import { currentTime } from '~/lib/clock';
import { pageTitle } from '~/lib/page-title';
import { SmsSettings, type SmsSettingsData } from '~/components/sms-settings';
import { smsStatus } from '~/domain/sms/gateway.server';
import { smsSettingsSchema } from '~/domain/sms/settings-form';

/** The number settings of the programme form (the SMS ones have their own section, the tracker's deadlines their own fieldset). */
const PROGRAMME_NUMBER_KEYS = SETTING_KEYS.filter(
  (key): key is Exclude<typeof key, (typeof SMS_SETTING_KEYS)[number] | (typeof SERVICE_DEADLINE_SETTING_KEYS)[number]> =>
    !BOOLEAN_SETTING_KEYS.includes(key) &&
    !(SMS_SETTING_KEYS as readonly string[]).includes(key) &&
    !(SERVICE_DEADLINE_SETTING_KEYS as readonly string[]).includes(key),
);

function wholeNumber(min: number, max: number) {
  const message = errorMessage('settings.invalidNumber', { min, max });
  return z.coerce.number({ error: message }).int({ error: message }).min(min, { error: message }).max(max, { error: message });
}

function optionalWholeNumber(min: number, max: number) {
  return z.preprocess((value) => (value === '' || value === undefined ? undefined : value), wholeNumber(min, max).optional());
}

const targetsSchema = z.object({
  intent: z.literal('targets'),
  halfYear: z.string().regex(/^\d{4}-H[12]$/, { error: errorMessage('settings.invalidHalfYear') }),
  newPairs: wholeNumber(0, 1000),
  newParticipants: optionalWholeNumber(0, 1000),
  newReadyVolunteers: optionalWholeNumber(0, 1000),
});

const programmeSchema = z.object({
  intent: z.literal('programme'),
  programmeTargetParticipants: wholeNumber(0, 100_000),
  minVolunteerAge: wholeNumber(18, 99),
  meetingsPerMonth: wholeNumber(1, 31),
  justReleasedMeetingsPerMonth: wholeNumber(1, 31),
  justReleasedSupportIntervalDays: wholeNumber(1, 31),
  retentionMonths: wholeNumber(1, 240),
  minTrainingHoursBeforeMatch: wholeNumber(0, 100),
  pulseIntervalWeeks: wholeNumber(2, 26),
  participantLinkValidDays: wholeNumber(1, 90),
  lowPulseMean: wholeNumber(1, 4),
  clearanceLeadWeeks: wholeNumber(0, 52),
  // -- services (#21): each tracker item's deadline, days before the release date in force.
  serviceDaysBeforeNav: wholeNumber(0, 365),
  serviceDaysBeforeHousing: wholeNumber(0, 365),
  serviceDaysBeforeGp: wholeNumber(0, 365),
  serviceDaysBeforeProbation: wholeNumber(0, 365),
  serviceDaysBeforeId: wholeNumber(0, 365),
  serviceDaysBeforeBankAccount: wholeNumber(0, 365),
  serviceDaysBeforePhone: wholeNumber(0, 365),
  serviceDaysBeforeOwnItems: wholeNumber(0, 365),
  // A checkbox: sent as "on" when ticked, absent when not.
  countRematchesAsNewPairs: z.preprocess((value) => value === 'on', z.boolean()),
});

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request, { capability: 'settings:manage' });
  const now = currentTime();
  const halfYear = shownTargetHalfYear(new URL(request.url).searchParams.get('halfYear'), now);
  const choices = targetHalfYears(now);
  const settings = await getSettings();
  // -- sms (#20)
  const sms = {
    status: smsStatus(),
    values: Object.fromEntries(SMS_SETTING_KEYS.map((key) => [key, settings[key]])) as SmsSettingsData['values'],
  };
  return json({ choices, targets: await targetsFor(halfYear), settings, sms });
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request, { capability: 'settings:manage' });
  const formData = await request.formData();
  if (formData.get('intent') === 'targets') {
    const submission = parseWithZod(formData, { schema: targetsSchema });
    if (submission.status !== 'success') return json({ form: 'targets', result: submission.reply() }, { status: 400 });
    const { halfYear, newPairs, newParticipants, newReadyVolunteers } = submission.value;
    if (!isTargetHalfYear(halfYear, currentTime())) {
      return json(
        { form: 'targets', result: submission.reply({ fieldErrors: { halfYear: [errorMessage('settings.invalidHalfYear')] } }) },
        { status: 400 },
      );
    }
    await saveTargets(request, user.id, {
      halfYear,
      newPairs,
      newParticipants: newParticipants ?? null,
      newReadyVolunteers: newReadyVolunteers ?? null,
    });
    return redirectWithFlash(`/settings?halfYear=${halfYear}`, { kind: 'success', key: 'settings.targetsSaved', params: { halfYear } });
  }
  // -- sms (#20): the SMS section saves only its own settings.
  if (formData.get('intent') === 'sms') {
    const submission = parseWithZod(formData, { schema: smsSettingsSchema });
    if (submission.status !== 'success') return json({ form: 'sms', result: submission.reply() }, { status: 400 });
    const { intent: _intent, ...values } = submission.value;
    await saveSettings(request, user.id, values);
    return redirectWithFlash('/settings#sms-settings-title', { kind: 'success', key: 'sms.settings.saved' });
  }
  const submission = parseWithZod(formData, { schema: programmeSchema });
  if (submission.status !== 'success') return json({ form: 'programme', result: submission.reply() }, { status: 400 });
  const { intent: _intent, ...values } = submission.value;
  await saveSettings(request, user.id, values);
  return redirectWithFlash('/settings', { kind: 'success', key: 'settings.saved' });
}

export default function Settings() {
  const { choices, targets, settings, sms } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  const [targetsForm, targetFields] = useForm<z.input<typeof targetsSchema>>({
    id: `targets-${targets.halfYear}`,
    lastResult: actionData?.form === 'targets' ? actionData.result : undefined,
    defaultValue: {
      halfYear: targets.halfYear,
      newPairs: String(targets.newPairs),
      newParticipants: targets.newParticipants === null ? '' : String(targets.newParticipants),
      newReadyVolunteers: targets.newReadyVolunteers === null ? '' : String(targets.newReadyVolunteers),
    },
    shouldValidate: 'onSubmit',
  });
  const [programmeForm, programmeFields] = useForm<z.input<typeof programmeSchema>>({
    id: 'programme',
    lastResult: actionData?.form === 'programme' ? actionData.result : undefined,
    defaultValue: Object.fromEntries(
      Object.entries(settings)
        .filter(([key]) => !(SMS_SETTING_KEYS as readonly string[]).includes(key))
        .map(([key, value]) => [key, typeof value === 'boolean' ? (value ? 'on' : '') : String(value)]),
    ),
    shouldValidate: 'onSubmit',
  });
  return (
    <>
      <h1>{t('settings.title')}</h1>
      <p>
        <Link to="/settings/costs">{t('costs.openLink')}</Link>
      </p>
      <section aria-labelledby="targets-title">
        <h2 id="targets-title">{t('settings.targetsTitle', { halfYear: halfYearLabel(t, targets.halfYear) })}</h2>
        <Form method="get" className="actions">
          <div className="field">
            <label htmlFor="choose-half-year">{t('settings.halfYear')}</label>
            <select id="choose-half-year" name="halfYear" defaultValue={targets.halfYear}>
              {choices.map((choice) => (
                <option key={choice} value={choice}>
                  {halfYearLabel(t, choice)}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" className="secondary">
            {t('reports.show')}
          </button>
        </Form>
        <Form method="post" className="form" {...getFormProps(targetsForm)}>
          <FormErrors id={targetsForm.errorId} errors={targetsForm.errors} />
          <input type="hidden" name="intent" value="targets" />
          <input type="hidden" name={targetFields.halfYear.name} value={targets.halfYear} />
          <TextField meta={targetFields.newPairs} label={t('settings.newPairs')} type="number" min={0} />
          <TextField
            meta={targetFields.newParticipants}
            label={t('settings.newParticipants')}
            hint={t('settings.optional')}
            type="number"
            min={0}
          />
          <TextField
            meta={targetFields.newReadyVolunteers}
            label={t('settings.newReadyVolunteers')}
            hint={t('settings.optional')}
            type="number"
            min={0}
          />
          <div className="actions">
            <button type="submit" className="primary">
              {t('settings.saveTargets')}
            </button>
          </div>
        </Form>
      </section>
      <section aria-labelledby="programme-title">
        <h2 id="programme-title">{t('settings.programmeTitle')}</h2>
        <Form method="post" className="form" {...getFormProps(programmeForm)}>
          <FormErrors id={programmeForm.errorId} errors={programmeForm.errors} />
          <input type="hidden" name="intent" value="programme" />
          {PROGRAMME_NUMBER_KEYS.map((key) => (
            <TextField key={key} meta={programmeFields[key]} label={t(`settings.${key}`)} type="number" min={0} />
          ))}
          <fieldset>
            <legend>{t('services.settings.legend')}</legend>
            {SERVICE_DEADLINE_SETTING_KEYS.map((key) => (
              <TextField key={key} meta={programmeFields[key]} label={t(`settings.${key}`)} type="number" min={0} max={365} />
            ))}
          </fieldset>
          <CheckboxField
            meta={programmeFields.countRematchesAsNewPairs}
            label={t('settings.countRematchesAsNewPairs')}
            hint={t('figures.settings.countRematchesHint')}
          />
          <div className="actions">
            <button type="submit" className="primary">
              {t('form.save')}
            </button>
          </div>
        </Form>
      </section>
      <SmsSettings data={sms} lastResult={actionData?.form === 'sms' ? actionData.result : undefined} />
    </>
  );
}

export const meta = pageTitle('title.settings');

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
