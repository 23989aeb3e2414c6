import { getFormProps } from '@conform-to/react';
import { Form } from '@remix-run/react';
import type { clearanceSchema } from '~/domain/volunteers/volunteer-forms';
import { formatDate } from '~/lib/time';
import { TextField } from '../forms';
import { useLanguage, useT } from '../use-translation';
import { useSectionForm } from './section-form';

/** -- release (#21): one clearance as the volunteer page shows it. */
export interface ClearanceRow {
  id: string;
  prison: string;
  appliedOn: string;
  clearedOn: string | null;
  expiresOn: string | null;
  recordedBy: string | null;
}

function ClearanceState({ clearance, today }: { clearance: ClearanceRow; today: string }) {
  const t = useT();
  const language = useLanguage();
  const applied = formatDate(clearance.appliedOn, language);
  if (!clearance.clearedOn) return <>{t('volunteers.clearancePending', { applied })}</>;
  const cleared = formatDate(clearance.clearedOn, language);
  if (!clearance.expiresOn) return <>{t('volunteers.clearanceClearedNoExpiry', { applied, cleared })}</>;
  const expires = formatDate(clearance.expiresOn, language);
  return (
    <>{t(clearance.expiresOn < today ? 'volunteers.clearanceExpired' : 'volunteers.clearanceCleared', { applied, cleared, expires })}</>
  );
}

function UpdateClearanceForm({ clearance }: { clearance: ClearanceRow }) {
  const t = useT();
  const [form, fields] = useSectionForm<typeof clearanceSchema>(`clearance-${clearance.id}`, {
    prison: clearance.prison,
    appliedOn: clearance.appliedOn,
    clearedOn: clearance.clearedOn ?? '',
    expiresOn: clearance.expiresOn ?? '',
  });
  return (
    <details>
      <summary>{t('volunteers.clearanceUpdate', { prison: clearance.prison })}</summary>
      <Form method="post" className="form" {...getFormProps(form)}>
        <input type="hidden" name="intent" value="clearance" />
        <input type="hidden" name="clearanceId" value={clearance.id} />
        <input type="hidden" name="prison" value={clearance.prison} />
        <TextField meta={fields.appliedOn} label={t('volunteers.clearanceAppliedOn')} type="date" />
        <TextField meta={fields.clearedOn} label={t('volunteers.clearanceClearedOn')} type="date" />
        <TextField meta={fields.expiresOn} label={t('volunteers.clearanceExpiresOn')} type="date" />
        <div className="actions">
          <button type="submit" className="primary">
            {t('volunteers.clearanceSaveUpdate')}
          </button>
        </div>
      </Form>
    </details>
  );
}

export function ClearanceSection({
  clearances,
  prisons,
  active,
  today,
}: {
  clearances: ClearanceRow[];
  prisons: string[];
  active: boolean;
  today: string;
}) {
  const t = useT();
  const [form, fields] = useSectionForm<typeof clearanceSchema>('clearance', { appliedOn: today });
  return (
    <section aria-labelledby="clearance-title">
      <h2 id="clearance-title">{t('volunteers.clearance')}</h2>
      <p className="muted">{t('volunteers.clearanceIntro')}</p>
      {clearances.length === 0 ? <p>{t('volunteers.clearanceNone')}</p> : null}
      <ul>
        {clearances.map((clearance) => (
          <li key={clearance.id}>
            <strong>{clearance.prison}</strong>: <ClearanceState clearance={clearance} today={today} />
            {clearance.recordedBy ? ` – ${t('volunteers.clearanceRecordedBy', { name: clearance.recordedBy })}` : ''}
            {active ? <UpdateClearanceForm clearance={clearance} /> : null}
          </li>
        ))}
      </ul>
      {active ? (
        <Form method="post" className="form" {...getFormProps(form)}>
          <h3>{t('volunteers.clearanceNew')}</h3>
          <input type="hidden" name="intent" value="clearance" />
          <TextField meta={fields.prison} label={t('volunteers.clearancePrison')} list="clearance-prisons" />
          <datalist id="clearance-prisons">
            {prisons.map((prison) => (
              <option key={prison} value={prison} />
            ))}
          </datalist>
          <TextField meta={fields.appliedOn} label={t('volunteers.clearanceAppliedOn')} type="date" />
          <TextField meta={fields.clearedOn} label={t('volunteers.clearanceClearedOn')} type="date" />
          <TextField meta={fields.expiresOn} label={t('volunteers.clearanceExpiresOn')} type="date" />
          <div className="actions">
            <button type="submit" className="primary">
              {t('volunteers.clearanceSave')}
            </button>
          </div>
        </Form>
      ) : null}
    </section>
  );
}
