import { getFormProps } from '@conform-to/react';
import { Form } from '@remix-run/react';
import type { VolunteerPageData } from '~/domain/volunteers/volunteer-page';
import {
  CAPACITY_MAX,
  CAPACITY_MIN,
  type capacitySchema,
  type endSchema,
  type inviteSchema,
  type pauseSchema,
} from '~/domain/volunteers/volunteer-forms';
import { LANGUAGES } from '~/lib/i18n';
import { formatDate } from '~/lib/time';
import { FormErrors, SelectField, TextField } from '../forms';
import { useLanguage, useT } from '../use-translation';
import { useSectionForm } from './section-form';

/** A status change that needs a reason: pausing, ending. */
function ReasonForm({ intent, label, submit }: { intent: 'pause' | 'end'; label: string; submit: string }) {
  const [form, fields] = useSectionForm<typeof pauseSchema | typeof endSchema>(intent);
  return (
    <Form method="post" className="form" {...getFormProps(form)}>
      <input type="hidden" name="intent" value={intent} />
      <TextField meta={fields.reason} label={label} />
      <div className="actions">
        <button type="submit" className="secondary">
          {submit}
        </button>
      </div>
    </Form>
  );
}

/** Capacity, pausing or resuming, and ending: only while the volunteer has not left. */
export function ManageSection({ volunteer, active }: { volunteer: VolunteerPageData['volunteer']; active: boolean }) {
  const t = useT();
  const [capacityForm, capacityFields] = useSectionForm<typeof capacitySchema>('capacity', { capacity: String(volunteer.capacity) });
  return (
    <section aria-labelledby="manage-title">
      <h2 id="manage-title">{t('volunteers.manage')}</h2>
      {active ? (
        <>
          <Form method="post" className="form" {...getFormProps(capacityForm)}>
            <input type="hidden" name="intent" value="capacity" />
            <TextField
              meta={capacityFields.capacity}
              label={t('volunteers.capacity')}
              type="number"
              min={CAPACITY_MIN}
              max={CAPACITY_MAX}
              step={1}
            />
            <div className="actions">
              <button type="submit" className="secondary">
                {t('volunteers.capacitySave')}
              </button>
            </div>
          </Form>
          {volunteer.status === 'PAUSED' ? (
            <Form method="post" className="form">
              <input type="hidden" name="intent" value="resume" />
              <div className="actions">
                <button type="submit" className="secondary">
                  {t('volunteers.resume')}
                </button>
              </div>
            </Form>
          ) : (
            <ReasonForm intent="pause" label={t('volunteers.pauseReason')} submit={t('volunteers.pause')} />
          )}
          <ReasonForm intent="end" label={t('volunteers.leftReason')} submit={t('volunteers.end')} />
        </>
      ) : null}
    </section>
  );
}

/** The volunteer's login: theirs, an invitation on its way, or the form that sends one (ready volunteers only). */
export function LoginSection({ volunteer }: { volunteer: VolunteerPageData['volunteer'] }) {
  const t = useT();
  const language = useLanguage();
  const [form, fields] = useSectionForm<typeof inviteSchema>('invite', { language });
  return (
    <section aria-labelledby="login-title">
      <h2 id="login-title">{t('volunteers.login')}</h2>
      {volunteer.account ? (
        <p>{t('volunteers.hasLogin', { email: volunteer.account.email })}</p>
      ) : volunteer.openInvitation ? (
        <p>{t('volunteers.invitePending', { date: formatDate(new Date(volunteer.openInvitation.expiresAt), language) })}</p>
      ) : volunteer.status !== 'READY' ? (
        <p>{t('volunteers.inviteOnlyReady')}</p>
      ) : (
        <Form method="post" className="form" {...getFormProps(form)}>
          <FormErrors id={form.errorId} errors={form.errors} />
          <input type="hidden" name="intent" value="invite" />
          <SelectField
            meta={fields.language}
            label={t('users.language')}
            options={LANGUAGES.map((lang) => ({ value: lang, label: t(`language.${lang}`) }))}
          />
          <div className="actions">
            <button type="submit" className="primary">
              {t('volunteers.invite')}
            </button>
          </div>
        </Form>
      )}
    </section>
  );
}
