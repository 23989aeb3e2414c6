import { getFormProps, useForm } from '@conform-to/react';
import { parseWithZod } from '~/lib/form-submission';
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { json } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import { GeneralErrorBoundary } from '~/components/error-boundary';
import { FormErrors, SelectField, TextareaField } from '~/components/forms';
import { useLanguage, useT } from '~/components/use-translation';
import { IllegalStatusChangeError, StaleStatusError } from '~/domain/participants/status.server';
import { decisionSchema, DECISIONS, decisionsFrom } from '~/domain/referrals/referral-form';
import { decideReferral, referralForViewer } from '~/domain/referrals/referrals.server';
import { requireUser } from '~/lib/auth.server';
import { db } from '~/lib/db.server';
import { notifyOutbox } from '~/lib/email.server';
import { redirectWithFlash } from '~/lib/flash.server';
import { errorMessage } from '~/lib/form-errors';
import { notFound } from '~/lib/permissions.server';
import { formatDate, formatMonth } from '~/lib/time';
import { ProgrammeList, ShareList } from '~/components/participant-details';

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request, { role: ['COORDINATOR', 'PROBATION_OFFICER'] });
  const referral = await referralForViewer(db, user, params.id ?? '', request);
  if (!referral) notFound();
  return json({ referral });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request, { capability: 'referrals:decide' });
  const submission = parseWithZod(await request.formData(), { schema: decisionSchema });
  if (submission.status !== 'success') return json({ result: submission.reply() }, { status: 400 });
  const { decision, reason, expectedStatus } = submission.value;
  let change;
  try {
    change = await db.$transaction((tx) =>
      decideReferral(tx, { referralId: params.id ?? '', actor: user, decision, reason, expectedStatus, request }),
    );
  } catch (error) {
    if (error instanceof IllegalStatusChangeError) {
      return json({ result: submission.reply({ formErrors: [errorMessage('referrals.illegalTransition')] }) }, { status: 409 });
    }
    if (error instanceof StaleStatusError) {
      return json({ result: submission.reply({ formErrors: [errorMessage('referrals.staleStatus')] }) }, { status: 409 });
    }
    throw error;
  }
  if (!change) notFound();
  notifyOutbox();
  return redirectWithFlash(`/referrals/${params.id}`, { kind: 'success', key: `referrals.decided.${decision}` });
}

export default function ReferralPage() {
  const { referral } = useLoaderData<typeof loader>();
  const t = useT();
  const language = useLanguage();
  const triage = referral.triage;
  return (
    <>
      <p>
        <Link to="/referrals">{t('referrals.backToList')}</Link>
      </p>
      <h1>{t('referrals.referralOf', { name: referral.participantName })}</h1>
      <p>
        {t('referrals.status')}:{' '}
        <span className={`badge status status--${referral.status.toLowerCase()}`}>{t(`participantStatus.${referral.status}`)}</span>
      </p>
      <p>
        {t('referrals.referredBy', {
          name: referral.referrerName,
          date: formatDate(referral.referralDate, language),
        })}
        {referral.office ? ` (${referral.office})` : ''}
      </p>

      <section aria-labelledby="plan-title" className="plan-link card">
        <h2 id="plan-title">{t('referrals.planTitle')}</h2>
        <p>{triage ? t('referrals.planCoordinator') : t('referrals.planOfficer')}</p>
        <p>
          <Link to={`/participants/${referral.participantId}/plan`}>{t('referrals.planLink')}</Link>
        </p>
      </section>

      <section aria-labelledby="timeline-title">
        <h2 id="timeline-title">{t('referrals.timeline')}</h2>
        <ol className="timeline">
          {referral.timeline.map((entry) => (
            <li key={entry.id}>
              <strong>{t(`participantStatus.${entry.status}`)}</strong> – {formatDate(new Date(entry.at), language)}
              {entry.reason ? <p className="timeline__reason">{entry.reason}</p> : null}
            </li>
          ))}
        </ol>
      </section>

      <section aria-labelledby="activity-title">
        <h2 id="activity-title">{t('referrals.activity')}</h2>
        {!referral.activityShared ? (
          <p>{referral.consentWithdrawn ? t('referrals.consentWithdrawnNote') : t('referrals.activityNotShared')}</p>
        ) : referral.activity === null ? (
          <p>{t('referrals.activityNotStarted')}</p>
        ) : (
          <div className="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('referrals.month')}</th>
                  <th scope="col">{t('referrals.meetingsHeld')}</th>
                </tr>
              </thead>
              <tbody>
                {referral.activity.map((row) => (
                  <tr key={row.month}>
                    <td>{formatMonth(row.month, language)}</td>
                    <td>{row.held}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      {triage ? <Triage /> : null}
    </>
  );
}

function Triage() {
  const { referral } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  const language = useLanguage();
  const triage = referral.triage!;
  const allowed = decisionsFrom(referral.status);
  const [form, fields] = useForm({
    id: 'decide-referral',
    lastResult: actionData?.result,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: decisionSchema }),
    shouldValidate: 'onBlur',
  });
  return (
    <>
      <section aria-labelledby="details-title">
        <h2 id="details-title">{t('referrals.details')}</h2>
        <p>
          <Link to={`/participants/${referral.participantId}`}>{t('referrals.openParticipant')}</Link>
        </p>
        <dl className="details">
          <dt>{t('referrals.dateOfBirth')}</dt>
          <dd>{formatDate(triage.dateOfBirth, language)}</dd>
          <dt>{t('referrals.prison')}</dt>
          <dd>
            {triage.prison}
            {triage.prisonUnit ? `, ${triage.prisonUnit}` : ''}
          </dd>
          <dt>{t('referrals.release')}</dt>
          <dd>
            {formatDate(triage.expectedReleaseDate, language)} – {triage.releaseMunicipality}
          </dd>
          <dt>{t('referrals.interests')}</dt>
          <dd>{triage.interests.join(', ') || '–'}</dd>
          <dt>{t('referrals.languages')}</dt>
          <dd>{triage.languages.join(', ') || '–'}</dd>
          <dt>{t('referrals.wishedGender')}</dt>
          <dd>{t(`referrals.wishedGender.${triage.wishedGender === 'FEMALE' || triage.wishedGender === 'MALE' ? triage.wishedGender : 'NONE'}`)}</dd>
          <dt>{t('referrals.volunteerWishes')}</dt>
          <dd className="prewrap">{triage.volunteerWishes ?? '–'}</dd>
          <dt>{t('referrals.needs')}</dt>
          <dd className="prewrap">{triage.needs ?? '–'}</dd>
          <dt>{t('referrals.note')}</dt>
          <dd className="prewrap">{triage.note ?? '–'}</dd>
        </dl>
        <h3>{t('referrals.sectionProgrammes')}</h3>
        <ProgrammeList programmes={triage.programmes} />
        <h3>{t('referrals.sectionConsent')}</h3>
        {triage.consent ? (
          <>
            <p>
              {t('referrals.consentBy', {
                date: formatDate(triage.consent.consentDate, language),
                name: triage.consent.takenByName,
              })}
            </p>
            <ShareList consent={triage.consent} />
          </>
        ) : (
          <p>{t('referrals.consentWithdrawnNote')}</p>
        )}
      </section>

      <section aria-labelledby="decide-title">
        <h2 id="decide-title">{t('referrals.decideTitle')}</h2>
        {allowed.length === 0 ? (
          <p>{t('referrals.noDecision')}</p>
        ) : (
          <Form method="post" className="form" aria-labelledby="decide-title" {...getFormProps(form)}>
            <FormErrors id={form.errorId} errors={form.errors} />
            <input type="hidden" name="expectedStatus" value={referral.status} />
            <SelectField
              meta={fields.decision}
              label={t('referrals.decision')}
              options={[
                { value: '', label: t('referrals.chooseDecision') },
                ...DECISIONS.filter((decision) => allowed.includes(decision)).map((decision) => ({
                  value: decision,
                  label: t(`participantStatus.${decision}`),
                })),
              ]}
            />
            <TextareaField meta={fields.reason} label={t('referrals.reason')} hint={t('referrals.reasonHint')} rows={3} />
            <div className="actions">
              <button type="submit" className="primary">
                {t('referrals.saveDecision')}
              </button>
            </div>
          </Form>
        )}
      </section>
    </>
  );
}

export const meta: MetaFunction = () => [{ title: 'Henvisning – Brobygger' }];

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
