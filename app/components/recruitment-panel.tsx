import type { RecruitmentStatus } from '~/domain/monitoring/recruitment-status.server';
import { formatHalfYear, halfYearMessage } from '~/lib/format';
import type { Translate } from '~/lib/i18n';
import { BarChart, Funnel } from './charts';
import { useLanguage, useT } from './use-translation';

/** A half-year's label in the page's translator (the same message as `formatHalfYear`). */
export function halfYearLabel(t: Translate, key: string): string {
  const label = halfYearMessage(key);
  return t(label.message, { year: label.year });
}

/** "2026" → "Året 2026"; "2026-H2" → "2. halvår 2026". */
export function periodLabel(t: Translate, key: string): string {
  return /^\d{4}$/.test(key) ? t('reports.year', { year: key }) : halfYearLabel(t, key);
}

const STATUS_BADGE = { ON_TRACK: 'green', REACHED: 'green', AT_RISK: 'amber', OFF_TRACK: 'red' } as const;

/** The coordinator's view of the half-year: new pairs against the target, funnels, history. */
export function RecruitmentPanel({ status }: { status: RecruitmentStatus }) {
  const t = useT();
  const language = useLanguage();
  const { projection } = status;
  const label = formatHalfYear(status.halfYear, language);
  return (
    <section aria-labelledby="recruitment-title">
      <h2 id="recruitment-title">{t('recruitment.title', { halfYear: label })}</h2>
      <div className="progress-target">
        <label htmlFor="recruitment-progress">{t('recruitment.progressLabel')}</label>
        <progress id="recruitment-progress" max={projection.target} value={Math.min(projection.actual, projection.target)} />
        <p>
          <strong className="recruitment-count">
            {t('recruitment.nOfTarget', { actual: projection.actual, target: projection.target })}
          </strong>{' '}
          <span className={`badge badge--${STATUS_BADGE[projection.status]}`}>{t(`recruitment.status.${projection.status}`)}</span>
        </p>
        <p className="muted">
          {t('recruitment.expectedByNow', { expected: projection.expectedByNow })}.{' '}
          {t('recruitment.pipeline', {
            pipeline: projection.pipeline,
            waiting: status.waitingParticipants,
            places: status.freeVolunteerPlaces,
          })}
        </p>
      </div>
      {status.newPairs.rematches > 0 ? (
        <p className="muted">
          {t(status.newPairs.rematchesCount ? 'figures.rematches.counted' : 'figures.rematches.notCounted', {
            count: status.newPairs.rematches,
          })}
        </p>
      ) : null}
      <div className="panel-grid">
        <Funnel
          title={t('figures.funnel.participants')}
          steps={[
            { label: t('recruitment.funnel.referred'), value: status.funnels.participants.referred },
            { label: t('recruitment.funnel.accepted'), value: status.funnels.participants.accepted },
            { label: t('recruitment.funnel.matched'), value: status.funnels.participants.matched },
            { label: t('recruitment.funnel.active'), value: status.funnels.participants.active },
            { label: t('recruitment.funnel.completed'), value: status.funnels.participants.completed },
          ]}
        />
        <Funnel
          title={t('figures.funnel.volunteers')}
          steps={[
            { label: t('recruitment.funnel.applied'), value: status.funnels.volunteers.applied },
            { label: t('recruitment.funnel.ready'), value: status.funnels.volunteers.ready },
            { label: t('recruitment.funnel.matchedVolunteers'), value: status.funnels.volunteers.matched },
          ]}
        />
      </div>
      <p className="muted">{t('figures.funnel.note')}</p>
      <h3>{t('recruitment.historyTitle')}</h3>
      <BarChart
        title={t('recruitment.historyTitle')}
        description={t('recruitment.historyDescription', {
          summary: status.history
            .map((row) =>
              t('recruitment.historyItem', { halfYear: formatHalfYear(row.halfYear, language), actual: row.actual, target: row.target }),
            )
            .join('; '),
        })}
        valueLabel={t('recruitment.pairs')}
        targetLabel={t('recruitment.target')}
        bars={status.history.map((row) => ({ label: formatHalfYear(row.halfYear, language), value: row.actual, target: row.target }))}
      />
    </section>
  );
}
