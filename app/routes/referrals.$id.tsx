import type { z } from 'zod';
import { getFormProps, useForm } from '@conform-to/react';
import { parseWithZod } from '~/lib/form-submission.server';
import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';
import { json } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import { GeneralErrorBoundary } from '~/components/error-boundary';
import { FormErrors, SelectField, TextareaField } from '~/components/forms';
import { useLanguage, useT } from '~/components/use-translation';
import { IllegalStatusChangeError, StaleStatusError } from '~/domain/participants/status.server';
import { decisionSchema, DECISIONS, decisionsFrom } from '~/domain/referrals/decision';
import { referralForViewer, submitDecision } from '~/domain/referrals/referrals.server';
import { requireUser } from '~/lib/auth.server';
import { notifyOutbox } from '~/lib/email.server';
import { redirectWithFlash } from '~/lib/flash.server';
import { errorMessage } from '~/lib/form-errors';
import { notFound } from '~/lib/permissions.server';
import { formatDate, formatMonth } from '~/lib/time';
import { ProgrammeList, ShareList } from '~/components/participant-details';
import { areaLabel, PlanAreaColumns } from '~/components/plan';
import { formatPhone } from '~/domain/participants/phone';
import { pageTitle } from '~/lib/page-title';
import { statusReasonText } from '~/components/status-reason';
import { ServicesSummary } from '~/components/services-summary';
import { trackerAtAGlance } from '~/domain/participants/service-tracker.server';

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request, { capability: 'referrals:list' });
  const referral = await referralForViewer(user, params.id ?? '', request);
  if (!referral) notFound();
  // -- services (#21): the services tracker at a glance; the officer updates their own items on its page.
  const tracker = await trackerAtAGlance(referral.participantId);
  return json({ referral, tracker });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request, { capability: 'referrals:decide' });
  const submission = parseWithZod(await request.formData(), { schema: decisionSchema });
  if (submission.status !== 'success') return json({ result: submission.reply() }, { status: 400 });
  const { decision, reason, expectedStatus } = submission.value;
  let change;
  try {
    change = await submitDecision({ referralId: params.id ?? '', actor: user, decision, reason, expectedStatus, request });
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
  const { referral, tracker } = useLoaderData<typeof loader>();
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

      {triage ? null : <Withdrawal />}

      <ReferralDetails />

      <section aria-labelledby="timeline-title">
        <h2 id="timeline-title">{t('referrals.timeline')}</h2>
        <ol className="timeline">
          {referral.timeline.map((entry) => (
            <li key={entry.id}>
              <strong>{t(`participantStatus.${entry.status}`)}</strong> – {formatDate(new Date(entry.at), language)}
              {entry.reason ? <p className="timeline__reason">{statusReasonText(t, entry.reason)}</p> : null}
            </li>
          ))}
        </ol>
      </section>

      {tracker ? <ServicesSummary participantId={referral.participantId} rows={tracker} /> : null}

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

/** The officer's way out of an undecided referral, or why there is none. */
function Withdrawal() {
  const { referral } = useLoaderData<typeof loader>();
  const t = useT();
  if (referral.status === 'WITHDRAWN') return null;
  return (
    <section aria-labelledby="withdraw-title" className="card">
      <h2 id="withdraw-title">{t('referralWithdraw.title')}</h2>
      {referral.mayWithdraw ? (
        <>
          <p>{t('referralWithdraw.offer')}</p>
          <p>
            <Link to={`/referrals/${referral.id}/withdraw`}>{t('referralWithdraw.link')}</Link>
          </p>
        </>
      ) : (
        <p>{t('referralWithdraw.decided')}</p>
      )}
    </section>
  );
}

/** Everything the referral holds, in words: what the officer submitted and the coordinator triages on. */
function ReferralDetails() {
  const { referral } = useLoaderData<typeof loader>();
  const t = useT();
  const language = useLanguage();
  const d = referral.details;
  if (!d) {
    return (
      <section aria-labelledby="details-title">
        <h2 id="details-title">{t('referrals.details')}</h2>
        <p>{t('referrals.consentWithdrawnNote')}</p>
      </section>
    );
  }
  const none = t('referralDetails.none');
  const wished = d.wishedGender === 'FEMALE' || d.wishedGender === 'MALE' ? d.wishedGender : 'NONE';
  const gender = d.gender === 'FEMALE' || d.gender === 'MALE' || d.gender === 'OTHER' ? d.gender : 'UNSPECIFIED';
  return (
    <section aria-labelledby="details-title">
      <h2 id="details-title">{t('referrals.details')}</h2>
      {referral.triage ? (
        <p>
          <Link to={`/participants/${referral.participantId}`}>{t('referrals.openParticipant')}</Link>
        </p>
      ) : null}

      <h3>{t('referralDetails.person')}</h3>
      <dl className="details">
        <dt>{t('referralDetails.name')}</dt>
        <dd>
          {d.firstName} {d.lastName}
        </dd>
        <dt>{t('referrals.dateOfBirth')}</dt>
        <dd>{formatDate(d.dateOfBirth, language)}</dd>
        <dt>{t('referrals.gender')}</dt>
        <dd>{t(`referrals.gender.${gender}`)}</dd>
        <dt>{t('referralDetails.phone')}</dt>
        <dd>{d.phone ? formatPhone(d.phone) : none}</dd>
        <dt>{t('referralDetails.email')}</dt>
        <dd>{d.email ?? none}</dd>
      </dl>

      <h3>{t('referrals.sectionPrison')}</h3>
      <dl className="details">
        <dt>{t('referrals.prison')}</dt>
        <dd>
          {d.prison}
          {d.prisonUnit ? `, ${d.prisonUnit}` : ''}
        </dd>
        <dt>{t('referrals.release')}</dt>
        <dd>
          {formatDate(d.releaseDate, language)}{' '}
          {/* -- release (#21): the referring officer and the coordinator keep the release dates up to date. */}
          <Link to={`/participants/${referral.participantId}/release`}>{t('release.changeLink')}</Link>
        </dd>
        <dt>{t('referralDetails.municipality')}</dt>
        <dd>{d.releaseMunicipality}</dd>
      </dl>

      <h3>{t('referrals.sectionWishes')}</h3>
      <dl className="details">
        <dt>{t('referralDetails.interests')}</dt>
        <dd>{d.interests.join(', ') || none}</dd>
        <dt>{t('referralDetails.languages')}</dt>
        <dd>{d.languages.join(', ') || none}</dd>
        <dt>{t('referrals.wishedGender')}</dt>
        <dd>{t(`referrals.wishedGender.${wished}`)}</dd>
        <dt>{t('referralDetails.wishes')}</dt>
        <dd className="prewrap">{d.volunteerWishes ?? none}</dd>
        <dt>{t('referralDetails.needs')}</dt>
        <dd className="prewrap">{d.needs ?? none}</dd>
        <dt>{t('referralDetails.note')}</dt>
        <dd className="prewrap">{d.note ?? none}</dd>
      </dl>

      <h3>{t('referrals.sectionProgrammes')}</h3>
      <ProgrammeList programmes={d.programmes} />

      <h3>{t('referrals.sectionConsent')}</h3>
      {d.consent ? (
        <>
          <p>
            {t('referrals.consentBy', {
              date: formatDate(d.consent.consentDate, language),
              name: d.consent.takenByName,
            })}
          </p>
          <ShareList consent={d.consent} />
        </>
      ) : (
        <p>{t('referrals.consentWithdrawnNote')}</p>
      )}

      <h3 id="plan-title">{t('referrals.planTitle')}</h3>
      {d.plan ? (
        <>
          <p>
            {d.plan.savedBy
              ? t('referralDetails.planVersionBy', {
                  number: d.plan.number,
                  date: formatDate(new Date(d.plan.savedAt), language),
                  name: d.plan.savedBy,
                })
              : t('referralDetails.planVersion', { number: d.plan.number, date: formatDate(new Date(d.plan.savedAt), language) })}
          </p>
          {d.plan.areas.length === 0 ? <p>{t('referralDetails.planEmpty')}</p> : null}
          {d.plan.areas.map((area) => (
            <section key={area.areaKey} aria-labelledby={`plan-area-${area.areaKey}`} className="card">
              <h4 id={`plan-area-${area.areaKey}`}>{areaLabel(t, area)}</h4>
              <PlanAreaColumns area={area} />
            </section>
          ))}
        </>
      ) : (
        <p>{referral.triage ? t('referralDetails.noPlan') : t('referrals.planOfficer')}</p>
      )}
      <p>
        <Link to={`/participants/${referral.participantId}/plan`}>{t('referrals.planLink')}</Link>
      </p>
    </section>
  );
}

function Triage() {
  const { referral } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  const allowed = decisionsFrom(referral.status);
  const [form, fields] = useForm<z.input<typeof decisionSchema>>({
    id: 'decide-referral',
    lastResult: actionData?.result,
    shouldValidate: 'onSubmit',
  });
  return (
    <>
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

export const meta = pageTitle('title.referral');

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
