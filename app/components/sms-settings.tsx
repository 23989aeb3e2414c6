import { getFormProps, useForm, type SubmissionResult } from '@conform-to/react';
import { Form } from '@remix-run/react';
import { CheckboxField, FormErrors, TextField } from '~/components/forms';
import type { smsSettingsSchema } from '~/domain/sms/settings-form';
import type { z } from 'zod';
import { useT } from './use-translation';

export interface SmsSettingsData {
  status: { mode: 'SMPP' | 'DEMO' | 'OFF'; host: string | null; bound: boolean | null };
  values: {
    smsQuietStartHour: number;
    smsQuietEndHour: number;
    smsMaxPerParticipantPerDay: number;
    smsReminderTwoHoursBefore: boolean;
    smsIntoPrison: boolean;
  };
}

/** /settings: whether texts are on (where a coordinator looks for it) and their hours, limit and cadence. */
export function SmsSettings({ data, lastResult }: { data: SmsSettingsData; lastResult?: SubmissionResult<string[]> }) {
  const t = useT();
  const [form, fields] = useForm<z.input<typeof smsSettingsSchema>>({
    id: 'sms-settings',
    lastResult,
    defaultValue: {
      smsQuietStartHour: String(data.values.smsQuietStartHour),
      smsQuietEndHour: String(data.values.smsQuietEndHour),
      smsMaxPerParticipantPerDay: String(data.values.smsMaxPerParticipantPerDay),
      smsReminderTwoHoursBefore: data.values.smsReminderTwoHoursBefore ? 'on' : '',
      smsIntoPrison: data.values.smsIntoPrison ? 'on' : '',
    },
    shouldValidate: 'onSubmit',
  });
  const { status } = data;
  return (
    <section aria-labelledby="sms-settings-title">
      <h2 id="sms-settings-title">{t('sms.settings.title')}</h2>
      <p className={status.mode === 'SMPP' ? undefined : 'notice'}>
        {status.mode === 'SMPP' ? t('sms.settings.mode.SMPP', { host: status.host ?? '' }) : t(`sms.settings.mode.${status.mode}`)}
        {status.bound === null ? null : ` ${status.bound ? t('sms.settings.bound') : t('sms.settings.notBound')}`}
      </p>
      <Form method="post" className="form" {...getFormProps(form)}>
        <FormErrors id={form.errorId} errors={form.errors} />
        <input type="hidden" name="intent" value="sms" />
        <TextField meta={fields.smsQuietStartHour} label={t('sms.settings.smsQuietStartHour')} type="number" min={0} max={23} />
        <TextField meta={fields.smsQuietEndHour} label={t('sms.settings.smsQuietEndHour')} type="number" min={0} max={23} />
        <TextField
          meta={fields.smsMaxPerParticipantPerDay}
          label={t('sms.settings.smsMaxPerParticipantPerDay')}
          type="number"
          min={1}
          max={20}
        />
        <CheckboxField meta={fields.smsReminderTwoHoursBefore} label={t('sms.settings.smsReminderTwoHoursBefore')} />
        <CheckboxField meta={fields.smsIntoPrison} label={t('sms.settings.smsIntoPrison')} />
        <div className="actions">
          <button type="submit" className="primary">
            {t('sms.settings.save')}
          </button>
        </div>
      </Form>
    </section>
  );
}
