import type { z } from 'zod';
import { formatPhone } from '~/domain/participants/phone';
import { getFormProps, useForm } from '@conform-to/react';
import { parseWithZod } from '~/lib/form-submission.server';
import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';
import { json } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import { GeneralErrorBoundary } from '~/components/error-boundary';
import { ProgrammeList, ShareList } from '~/components/participant-details';
import { CheckboxField, FormErrors, SelectField, TextareaField, TextField } from '~/components/forms';
import { useLanguage, useT } from '~/components/use-translation';
import { participantProfile, updateParticipant, withdrawConsent } from '~/domain/participants/participant.server';
import { setParticipantStatus } from '~/domain/referrals/participant-status.server';
import { PARTICIPANT_TRANSITIONS } from '~/domain/participants/status';
import { IllegalStatusChangeError, StaleStatusError } from '~/domain/participants/status.server';
import {
  GENDERS,
  MANUAL_STATUSES,
  participantEditSchema,
  statusChangeSchema,
  WISHED_GENDERS,
  withdrawConsentSchema,
} from '~/domain/participants/participant-form';
import { requireUser } from '~/lib/auth.server';
import { notifyOutbox } from '~/lib/email.server';
import { redirectWithFlash } from '~/lib/flash.server';
import { errorMessage } from '~/lib/form-errors';
import { notFound } from '~/lib/permissions.server';
import { formatDate, todayInOslo } from '~/lib/time';
import { pageTitle } from '~/lib/page-title';
import { statusReasonText } from '~/components/status-reason';
import { releaseDateInForce } from '~/domain/participants/release-date';

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request, { capability: 'participants:read' });
  const participant = await participantProfile(user, params.id ?? '', request);
  if (!participant) notFound();
  return json({ participant, today: todayInOslo() });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request, { capability: 'participants:edit' });
  const participantId = params.id ?? '';
  const formData = await request.formData();
  const intent = formData.get('intent');
  const back = `/participants/${participantId}`;

  if (intent === 'edit') {
    const submission = parseWithZod(formData, { schema: participantEditSchema(todayInOslo()) });
    if (submission.status !== 'success') return json({ intent, result: submission.reply() }, { status: 400 });
    const data = submission.value;
    const changed = await updateParticipant({ participantId, data, actor: user, request });
    if (!changed) notFound();
    return redirectWithFlash(back, { kind: 'success', key: 'participants.saved' });
  }

  if (intent === 'status') {
    const submission = parseWithZod(formData, { schema: statusChangeSchema });
    if (submission.status !== 'success') return json({ intent, result: submission.reply() }, { status: 400 });
    const { to, reason, expectedStatus } = submission.value;
    try {
      const change = await setParticipantStatus({ participantId, to, reason, expectedStatus, actor: user, request });
      if (!change) notFound();
    } catch (error) {
      const message =
        error instanceof IllegalStatusChangeError
          ? errorMessage('referrals.illegalTransition')
          : error instanceof StaleStatusError
            ? errorMessage('referrals.staleStatus')
            : null;
      if (!message) throw error;
      return json({ intent, result: submission.reply({ formErrors: [message] }) }, { status: 409 });
    }
    notifyOutbox();
    return redirectWithFlash(back, { kind: 'success', key: 'participants.statusChanged' });
  }

  if (intent === 'withdraw-consent') {
    const submission = parseWithZod(formData, { schema: withdrawConsentSchema });
    if (submission.status !== 'success') return json({ intent, result: submission.reply() }, { status: 400 });
    const result = await withdrawConsent({ participantId, reason: submission.value.reason, actor: user, request });
    if (!result) notFound();
    return redirectWithFlash(back, { kind: 'success', key: 'participants.consentWithdrawn' });
  }

  throw new Response('Bad Request', { status: 400 });
}

export default function ParticipantPage() {
  const { participant: p } = useLoaderData<typeof loader>();
  const t = useT();
  const language = useLanguage();
  return (
    <>
      <h1>
        {p.firstName} {p.lastName}
      </h1>
      <p>
        <span className={`badge status status--${p.status.toLowerCase()}`}>{t(`participantStatus.${p.status}`)}</span>{' '}
        <span className="badge">{t(`participants.phase.${p.phase}`)}</span>
      </p>
      <p>
        <Link to={`/participants/${p.id}/plan`}>{t('referrals.planLink')}</Link>
      </p>
      <p className="privacy-links">
        <a href={`/participants/${p.id}/export.json`} download>
          {t('privacy.export.link')}
        </a>{' '}
        <Link to={`/audit?participant=${p.id}`}>{t('privacy.audit.forParticipant')}</Link>
      </p>

      <section aria-labelledby="profile-title">
        <h2 id="profile-title">{t('participants.profile')}</h2>
        <dl className="details">
          <dt>{t('referrals.dateOfBirth')}</dt>
          <dd>{formatDate(p.dateOfBirth, language)}</dd>
          <dt>{t('referrals.phone')}</dt>
          <dd>{p.phone ? formatPhone(p.phone) : '–'}</dd>
          <dt>{t('referrals.email')}</dt>
          <dd>{p.email ?? '–'}</dd>
          <dt>{t('referrals.prison')}</dt>
          <dd>
            {p.prison}
            {p.prisonUnit ? `, ${p.prisonUnit}` : ''}
          </dd>
          <dt>{t('referrals.release')}</dt>
          <dd>
            {formatDate(releaseDateInForce(p), language)} – {p.releaseMunicipality}{' '}
            {/* -- release (#21): the release dates and their history */}
            <Link to={`/participants/${p.id}/release`}>{t('release.changeLink')}</Link>
            {' · '}
            {/* -- services (#21) */}
            <Link to={`/participants/${p.id}/services`}>{t('services.linkTitle')}</Link>
          </dd>
          <dt>{t('referrals.interests')}</dt>
          <dd>{p.interests.join(', ') || '–'}</dd>
          <dt>{t('referrals.languages')}</dt>
          <dd>{p.languages.join(', ') || '–'}</dd>
          <dt>{t('referrals.needs')}</dt>
          <dd className="prewrap">{p.needs ?? '–'}</dd>
        </dl>
        <h3>{t('participants.referrals')}</h3>
        <ul>
          {p.referrals.map((referral) => (
            <li key={referral.id}>
              <Link to={`/referrals/${referral.id}`}>
                {t('referrals.referredBy', { name: referral.referrer, date: formatDate(referral.referralDate, language) })}
              </Link>
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="history-title">
        <h2 id="history-title">{t('participants.statusHistory')}</h2>
        <ol className="timeline">
          {p.statusHistory.map((entry) => (
            <li key={entry.id}>
              <strong>{t(`participantStatus.${entry.to}`)}</strong> – {formatDate(new Date(entry.at), language)}
              {entry.by ? ` – ${entry.by}` : ''}
              {entry.reason ? <p className="timeline__reason">{statusReasonText(t, entry.reason)}</p> : null}
            </li>
          ))}
        </ol>
        <StatusForm />
      </section>

      <section aria-labelledby="consent-title">
        <h2 id="consent-title">{t('referrals.sectionConsent')}</h2>
        {p.consent ? (
          <>
            <p>{t('referrals.consentBy', { date: formatDate(p.consent.consentDate, language), name: p.consent.takenByName })}</p>
            <ShareList consent={p.consent} />
            <WithdrawConsentForm />
          </>
        ) : (
          <p>{t('participants.noConsent')}</p>
        )}
        {p.consentHistory.some((row) => row.withdrawnAt) ? (
          <ul>
            {p.consentHistory
              .filter((row) => row.withdrawnAt)
              .map((row) => (
                <li key={row.id}>
                  {t('participants.consentWithdrawnOn', {
                    date: formatDate(row.consentDate, language),
                    withdrawn: formatDate(new Date(row.withdrawnAt!), language),
                  })}
                </li>
              ))}
          </ul>
        ) : null}
      </section>

      <section aria-labelledby="programmes-title">
        <h2 id="programmes-title">{t('referrals.sectionProgrammes')}</h2>
        <ProgrammeList programmes={p.programmes} />
      </section>

      <EditForm />
    </>
  );
}

function StatusForm() {
  const { participant: p } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  const allowed = MANUAL_STATUSES.filter((status) => PARTICIPANT_TRANSITIONS[p.status].includes(status));
  const [form, fields] = useForm<z.input<typeof statusChangeSchema>>({
    id: 'participant-status',
    lastResult: actionData?.intent === 'status' ? actionData.result : undefined,
    shouldValidate: 'onSubmit',
  });
  if (allowed.length === 0) return <p>{t('participants.finalStatus')}</p>;
  return (
    <Form method="post" className="form" aria-labelledby="status-form-title" {...getFormProps(form)}>
      <h3 id="status-form-title">{t('participants.changeStatus')}</h3>
      <FormErrors id={form.errorId} errors={form.errors} />
      <input type="hidden" name="intent" value="status" />
      <input type="hidden" name="expectedStatus" value={p.status} />
      <SelectField
        meta={fields.to}
        label={t('participants.newStatus')}
        options={[
          { value: '', label: t('referrals.chooseStatus') },
          ...allowed.map((status) => ({ value: status, label: t(`participantStatus.${status}`) })),
        ]}
      />
      <TextareaField meta={fields.reason} label={t('referrals.reason')} rows={2} />
      <div className="actions">
        <button type="submit" className="primary">
          {t('participants.saveStatus')}
        </button>
      </div>
    </Form>
  );
}

function WithdrawConsentForm() {
  const actionData = useActionData<typeof action>();
  const t = useT();
  const [form, fields] = useForm<z.input<typeof withdrawConsentSchema>>({
    id: 'withdraw-consent',
    lastResult: actionData?.intent === 'withdraw-consent' ? actionData.result : undefined,
    shouldValidate: 'onSubmit',
  });
  return (
    <details className="withdraw">
      <summary>{t('participants.withdrawConsent')}</summary>
      <Form method="post" className="form" {...getFormProps(form)}>
        <p>{t('participants.withdrawIntro')}</p>
        <FormErrors id={form.errorId} errors={form.errors} />
        <input type="hidden" name="intent" value="withdraw-consent" />
        <TextareaField meta={fields.reason} label={t('referrals.reason')} rows={2} />
        <CheckboxField meta={fields.confirm} label={t('participants.confirmWithdrawalLabel')} />
        <div className="actions">
          <button type="submit" className="primary">
            {t('participants.withdrawConsent')}
          </button>
        </div>
      </Form>
    </details>
  );
}

function EditForm() {
  const { participant: p } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  const [form, fields] = useForm<z.input<ReturnType<typeof participantEditSchema>>>({
    id: 'participant-edit',
    lastResult: actionData?.intent === 'edit' ? actionData.result : undefined,
    defaultValue: {
      firstName: p.firstName,
      lastName: p.lastName,
      gender: p.gender ?? 'UNSPECIFIED',
      phone: p.phone ? formatPhone(p.phone) : '',
      email: p.email ?? '',
      prison: p.prison,
      prisonUnit: p.prisonUnit ?? '',
      expectedReleaseDate: p.expectedReleaseDate,
      releaseMunicipality: p.releaseMunicipality,
      interests: p.interests.join(', '),
      languages: p.languages.join(', '),
      wishedGender: p.wishedGender ?? 'NONE',
      volunteerWishes: p.volunteerWishes ?? '',
      needs: p.needs ?? '',
    },
    shouldValidate: 'onSubmit',
  });
  return (
    <section aria-labelledby="edit-title">
      <h2 id="edit-title">{t('participants.edit')}</h2>
      <Form method="post" className="form" aria-labelledby="edit-title" {...getFormProps(form)}>
        <FormErrors id={form.errorId} errors={form.errors} />
        <input type="hidden" name="intent" value="edit" />
        <TextField meta={fields.firstName} label={t('referrals.firstName')} autoComplete="off" />
        <TextField meta={fields.lastName} label={t('referrals.lastName')} autoComplete="off" />
        <SelectField
          meta={fields.gender}
          label={t('referrals.gender')}
          options={GENDERS.map((gender) => ({ value: gender, label: t(`referrals.gender.${gender}`) }))}
        />
        <TextField meta={fields.phone} label={t('referrals.phone')} type="tel" autoComplete="off" />
        <TextField meta={fields.email} label={t('referrals.email')} type="email" autoComplete="off" />
        <TextField meta={fields.prison} label={t('referrals.prison')} />
        <TextField meta={fields.prisonUnit} label={t('referrals.prisonUnit')} />
        <TextField meta={fields.expectedReleaseDate} label={t('referrals.release')} type="date" />
        <TextField meta={fields.releaseMunicipality} label={t('referrals.releaseMunicipality')} />
        <TextField meta={fields.interests} label={t('referrals.interests')} hint={t('referrals.listHint')} />
        <TextField meta={fields.languages} label={t('referrals.languages')} hint={t('referrals.listHint')} />
        <SelectField
          meta={fields.wishedGender}
          label={t('referrals.wishedGender')}
          options={WISHED_GENDERS.map((gender) => ({ value: gender, label: t(`referrals.wishedGender.${gender}`) }))}
        />
        <TextareaField meta={fields.volunteerWishes} label={t('referrals.volunteerWishes')} rows={2} />
        <TextareaField meta={fields.needs} label={t('referrals.needs')} />
        <div className="actions">
          <button type="submit" className="primary">
            {t('form.save')}
          </button>
        </div>
      </Form>
    </section>
  );
}

export const meta = pageTitle('title.participant');

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
