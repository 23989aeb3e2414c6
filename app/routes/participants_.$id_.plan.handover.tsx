import type { LoaderFunctionArgs } from '@remix-run/node';
import { json } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { GeneralErrorBoundary } from '~/components/error-boundary';
import { areaLabel, AreaStatusRows, PlanAreaColumns } from '~/components/plan';
import { useLanguage, useT } from '~/components/use-translation';
import { requirePlanAccess, viewHandover } from '~/domain/plans/plans.server';
import { requireUser } from '~/lib/auth.server';
import { formatDate, todayInOslo } from '~/lib/time';
import { formatNumber } from '~/lib/format';
import { pageTitle } from '~/lib/page-title';

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request, { capability: 'plans:handover' });
  const { participant, consent, showMeetingActivity } = await requirePlanAccess(user, params.id ?? '', 'handover');
  const handover = await viewHandover(request, user, participant.id);
  return json({
    participantId: participant.id,
    ...handover,
    meetings: showMeetingActivity ? handover.meetings : null,
    consent: consent && {
      consentDate: consent.consentDate,
      takenByName: consent.takenByName,
      sharePlanWithVolunteer: consent.sharePlanWithVolunteer,
      shareContactWithVolunteer: consent.shareContactWithVolunteer,
      shareAttendanceWithReferrer: consent.shareAttendanceWithReferrer,
    },
    generatedOn: todayInOslo(),
    generatedBy: user.name,
  });
}

type Contact = { name: string; email: string; phone: string | null; organisation?: string | null } | null;

export default function Handover() {
  const data = useLoaderData<typeof loader>();
  const t = useT();
  const language = useLanguage();
  const yesNo = (value: boolean) => (value ? t('handover.yes') : t('handover.no'));
  return (
    <article className="handover">
      <div className="actions no-print">
        <button type="button" className="primary" onClick={() => window.print()}>
          {t('handover.print')}
        </button>
        <Link to={`/participants/${data.participantId}/plan`}>{t('handover.back')}</Link>
      </div>

      <h1>{t('handover.title', { name: data.participant.name })}</h1>
      <p>{t('handover.intro')}</p>
      <p className="muted">{t('handover.generated', { date: formatDate(data.generatedOn, language), by: data.generatedBy })}</p>

      <dl className="handover-facts">
        <div>
          <dt>{t('handover.participant')}</dt>
          <dd>{data.participant.name}</dd>
        </div>
        <div>
          <dt>{t('handover.born')}</dt>
          <dd>{formatDate(data.participant.dateOfBirth, language)}</dd>
        </div>
        <div>
          <dt>{t('handover.release')}</dt>
          <dd>{formatDate(data.participant.releaseDate, language)}</dd>
        </div>
        <div>
          <dt>{t('handover.municipality')}</dt>
          <dd>{data.participant.releaseMunicipality}</dd>
        </div>
      </dl>

      <section aria-labelledby="handover-consent">
        <h2 id="handover-consent">{t('handover.consent')}</h2>
        {data.consent ? (
          <>
            <p>{t('handover.consentLine', { date: formatDate(data.consent.consentDate, language), by: data.consent.takenByName })}</p>
            <ul>
              <li>
                {t('handover.sharePlan')}: {yesNo(data.consent.sharePlanWithVolunteer)}
              </li>
              <li>
                {t('handover.shareContact')}: {yesNo(data.consent.shareContactWithVolunteer)}
              </li>
              <li>
                {t('handover.shareAttendance')}: {yesNo(data.consent.shareAttendanceWithReferrer)}
              </li>
            </ul>
          </>
        ) : (
          <p className="field-error">{t('handover.noConsent')}</p>
        )}
      </section>

      <section aria-labelledby="handover-plan">
        <h2 id="handover-plan">{data.plan ? t('handover.plan', { number: data.plan.current.number }) : t('handover.planHeading')}</h2>
        {data.plan ? (
          data.plan.areas.map((area) => (
            <section key={area.areaKey} className="plan-area" aria-labelledby={`handover-area-${area.areaKey}`}>
              <h3 id={`handover-area-${area.areaKey}`}>{areaLabel(t, area)}</h3>
              <PlanAreaColumns area={area} />
            </section>
          ))
        ) : (
          <p>{t('handover.noPlan')}</p>
        )}
      </section>

      {data.plan ? (
        <section aria-labelledby="handover-progress">
          <h2 id="handover-progress">{t('handover.progress')}</h2>
          <table>
            <AreaStatusRows areas={data.plan.areas} latest={data.latest} />
          </table>
        </section>
      ) : null}

      <section aria-labelledby="handover-meetings">
        <h2 id="handover-meetings">{t('handover.meetings')}</h2>
        {!data.meetings ? (
          <p>{t('handover.meetingsNotShared')}</p>
        ) : data.meetings.held === 0 ? (
          <p>{t('handover.noMeetings')}</p>
        ) : (
          <dl className="handover-facts">
            <div>
              <dt>{t('handover.period')}</dt>
              <dd>
                {formatDate(data.meetings.firstHeld!, language)} – {formatDate(data.meetings.lastHeld!, language)}
              </dd>
            </div>
            <div>
              <dt>{t('handover.held')}</dt>
              <dd>{data.meetings.held}</dd>
            </div>
            <div>
              <dt>{t('handover.cancelled')}</dt>
              <dd>{data.meetings.cancelled}</dd>
            </div>
            <div>
              <dt>{t('handover.hours')}</dt>
              <dd>{formatNumber(data.meetings.hours, language)}</dd>
            </div>
          </dl>
        )}
      </section>

      <section aria-labelledby="handover-checklist">
        <h2 id="handover-checklist">{t('handover.checklist')}</h2>
        <table>
          <thead>
            <tr>
              <th scope="col">{t('handover.checklistItem')}</th>
              <th scope="col">{t('handover.checklistStatus')}</th>
              <th scope="col">{t('handover.checklistNote')}</th>
            </tr>
          </thead>
          <tbody>
            {data.checklist.map((row) => (
              <tr key={row.item}>
                <th scope="row">{t(`handover.checklist.${row.item}`)}</th>
                <td>{t(`handover.checklistStatus.${row.status}`)}</td>
                <td className="plan-text">{row.note ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      <section aria-labelledby="handover-contacts">
        <h2 id="handover-contacts">{t('handover.contacts')}</h2>
        <dl className="handover-facts">
          <ContactItem label={t('handover.volunteer')} contact={data.contacts.volunteer} />
          <ContactItem label={t('handover.coordinator')} contact={data.contacts.coordinator} />
          <ContactItem label={t('handover.referrer')} contact={data.contacts.referrer} />
        </dl>
      </section>
    </article>
  );
}

function ContactItem({ label, contact }: { label: string; contact: Contact }) {
  const t = useT();
  return (
    <div>
      <dt>{label}</dt>
      <dd>
        {contact ? (
          <>
            {contact.name}
            {contact.organisation ? `, ${contact.organisation}` : ''}
            <br />
            {contact.email}
            {contact.phone ? (
              <>
                <br />
                {contact.phone}
              </>
            ) : null}
          </>
        ) : (
          t('handover.noContact')
        )}
      </dd>
    </div>
  );
}

export const meta = pageTitle('title.handover');

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
