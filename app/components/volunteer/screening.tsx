import { getFormProps } from '@conform-to/react';
import { Form } from '@remix-run/react';
import type { VolunteerPageData } from '~/domain/volunteers/volunteer-page';
import { INTERVIEW_OUTCOMES, REFERENCE_OUTCOMES } from '~/domain/volunteers/status';
import type { certificateSchema, interviewSchema, referenceSchema } from '~/domain/volunteers/volunteer-forms';
import { formatDate } from '~/lib/time';
import { SelectField, TextareaField, TextField } from '../forms';
import { useLanguage, useT } from '../use-translation';
import { useSectionForm } from './section-form';

export function InterviewSection({
  interviews,
  active,
  today,
}: {
  interviews: VolunteerPageData['interviews'];
  active: boolean;
  today: string;
}) {
  const t = useT();
  const language = useLanguage();
  const [form, fields] = useSectionForm<typeof interviewSchema>('interview', { heldOn: today, outcome: 'APPROVED' });
  return (
    <section aria-labelledby="interview-title">
      <h2 id="interview-title">{t('volunteers.interview')}</h2>
      <ul>
        {interviews.map((i) => (
          <li key={i.id}>
            {formatDate(i.heldOn, language)}: {t(`volunteers.interviewOutcome.${i.outcome as 'APPROVED'}`)}
            {i.by ? ` – ${t('volunteers.interviewBy', { name: i.by })}` : ''}
            {i.note ? <p className="prewrap muted">{i.note}</p> : null}
          </li>
        ))}
      </ul>
      {active ? (
        <Form method="post" className="form" {...getFormProps(form)}>
          <input type="hidden" name="intent" value="interview" />
          <TextField meta={fields.heldOn} label={t('volunteers.interviewHeldOn')} type="date" />
          <SelectField
            meta={fields.outcome}
            label={t('volunteers.interviewOutcome')}
            options={INTERVIEW_OUTCOMES.map((o) => ({ value: o, label: t(`volunteers.interviewOutcome.${o}`) }))}
          />
          <TextareaField meta={fields.note} label={t('volunteers.interviewNote')} rows={3} />
          <div className="actions">
            <button type="submit" className="primary">
              {t('volunteers.interviewSave')}
            </button>
          </div>
        </Form>
      ) : null}
    </section>
  );
}

export function ReferencesSection({
  references,
  active,
  today,
}: {
  references: VolunteerPageData['references'];
  active: boolean;
  today: string;
}) {
  const t = useT();
  const language = useLanguage();
  const [form, fields] = useSectionForm<typeof referenceSchema>('reference', { outcome: 'POSITIVE', contactedOn: today });
  return (
    <section aria-labelledby="references-title">
      <h2 id="references-title">{t('volunteers.references')}</h2>
      <ul className="stack">
        {references.map((r) => (
          <li key={r.id}>
            <strong>{r.name}</strong> ({r.relation}){r.phone ? `, ${r.phone}` : ''}
            {r.contactedOn ? ` – ${formatDate(r.contactedOn, language)}` : ''}
            {r.note ? <p className="prewrap muted">{r.note}</p> : null}
            <Form method="post" className="inline-row">
              <input type="hidden" name="intent" value="reference-outcome" />
              <input type="hidden" name="referenceId" value={r.id} />
              <label htmlFor={`outcome-${r.id}`} className="visually-hidden">
                {t('volunteers.referenceOutcomeFor', { name: r.name })}
              </label>
              <select id={`outcome-${r.id}`} name="outcome" defaultValue={r.outcome} disabled={!active}>
                {REFERENCE_OUTCOMES.map((o) => (
                  <option key={o} value={o}>
                    {t(`volunteers.referenceOutcome.${o}`)}
                  </option>
                ))}
              </select>
              {active ? (
                <button type="submit" className="secondary" aria-label={`${t('volunteers.referenceUpdate')}: ${r.name}`}>
                  {t('volunteers.referenceUpdate')}
                </button>
              ) : null}
            </Form>
          </li>
        ))}
      </ul>
      {active ? (
        <Form method="post" className="form" {...getFormProps(form)}>
          <input type="hidden" name="intent" value="reference" />
          <TextField meta={fields.name} label={t('volunteers.referenceName')} autoComplete="off" />
          <TextField meta={fields.relation} label={t('volunteers.referenceRelation')} />
          <TextField meta={fields.phone} label={t('volunteers.referencePhone')} type="tel" autoComplete="off" />
          <TextField meta={fields.contactedOn} label={t('volunteers.referenceContactedOn')} type="date" />
          <SelectField
            meta={fields.outcome}
            label={t('volunteers.referenceOutcome')}
            options={REFERENCE_OUTCOMES.map((o) => ({ value: o, label: t(`volunteers.referenceOutcome.${o}`) }))}
          />
          <TextareaField meta={fields.note} label={t('volunteers.referenceNote')} rows={3} />
          <div className="actions">
            <button type="submit" className="primary">
              {t('volunteers.referenceAdd')}
            </button>
          </div>
        </Form>
      ) : null}
    </section>
  );
}

export function CertificateSection({
  certificates,
  active,
  today,
}: {
  certificates: VolunteerPageData['certificates'];
  active: boolean;
  today: string;
}) {
  const t = useT();
  const language = useLanguage();
  const [form, fields] = useSectionForm<ReturnType<typeof certificateSchema>>('certificate', { shownDate: today });
  return (
    <section aria-labelledby="certificate-title">
      <h2 id="certificate-title">{t('volunteers.certificate')}</h2>
      <p className="muted">{t('volunteers.certificateIntro')}</p>
      <ul>
        {certificates.map((c) => (
          <li key={c.id}>
            {t('volunteers.certificateSeen', {
              issued: formatDate(c.issueDate, language),
              shown: formatDate(c.shownDate, language),
              name: c.seenBy,
            })}
          </li>
        ))}
      </ul>
      {active ? (
        <Form method="post" className="form" {...getFormProps(form)}>
          <input type="hidden" name="intent" value="certificate" />
          <TextField meta={fields.issueDate} label={t('volunteers.certificateIssueDate')} type="date" max={today} />
          <TextField meta={fields.shownDate} label={t('volunteers.certificateShownDate')} type="date" max={today} />
          <div className="actions">
            <button type="submit" className="primary">
              {t('volunteers.certificateSave')}
            </button>
          </div>
        </Form>
      ) : null}
    </section>
  );
}
