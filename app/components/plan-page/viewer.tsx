import { Link } from '@remix-run/react';
import type { Good, ReviewStatus } from '~/domain/plans/areas';
import type { PlanPageData } from '~/domain/plans/plan-page';
import { formatDate, formatDateTime, formatMonth } from '~/lib/time';
import { areaKeyLabel, areaLabel, AreaStatusRows, goodsText, PlanAreaColumns, ScrollTable } from '../plan';
import { useLanguage, useT } from '../use-translation';
import { ReviewForm } from './review-form';

/** The plan as it reads: the current version's areas, a comparison, earlier versions, progress and meeting activity. */
export function PlanViewer({ data }: { data: PlanPageData }) {
  const t = useT();
  const language = useLanguage();
  const plan = data.plan;
  return (
    <>
      {plan ? (
        <p>
          {t('plans.currentVersion', {
            number: plan.current.number,
            when: formatDateTime(new Date(plan.current.createdAt), language),
            by: plan.current.createdBy ?? t('plans.unknownUser'),
          })}
        </p>
      ) : (
        <p>{data.canEdit ? t('plans.noneEditor') : t('plans.none')}</p>
      )}
      {data.offerHandover ? (
        <p className="flash flash--info">
          {t('plans.pairEnded')} <Link to="handover">{t('plans.handoverLink')}</Link>
        </p>
      ) : null}
      <div className="actions no-print">
        {data.canEdit ? (
          <Link className="button" to="?edit=1">
            {t('plans.edit')}
          </Link>
        ) : null}
        {data.canHandover ? (
          <Link className="button secondary" to="handover">
            {t('plans.handoverLink')}
          </Link>
        ) : null}
      </div>

      {plan
        ? plan.areas.map((area) => (
            <section key={area.areaKey} className="plan-area" aria-labelledby={`area-${area.areaKey}`}>
              <h2 id={`area-${area.areaKey}`}>{areaLabel(t, area)}</h2>
              <PlanAreaColumns area={area} />
            </section>
          ))
        : null}

      {plan?.comparison ? <Comparison comparison={plan.comparison} current={plan.current.number} /> : null}

      {plan && plan.versions.length > 1 ? (
        <section aria-labelledby="versions-title">
          <h2 id="versions-title">{t('plans.versions')}</h2>
          <ul>
            {plan.versions.slice(1).map((version) => (
              <li key={version.id}>
                {t('plans.versionLine', {
                  number: version.number,
                  when: formatDateTime(new Date(version.createdAt), language),
                  by: version.createdBy ?? t('plans.unknownUser'),
                })}{' '}
                <Link to={`?version=${version.number}#compare-title`}>{t('plans.compare', { number: version.number })}</Link>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <Progress data={data} />
      {data.workedOn ? <WorkedOn data={data} /> : null}
    </>
  );
}

function Comparison({
  comparison,
  current,
}: {
  comparison: NonNullable<NonNullable<PlanPageData['plan']>['comparison']>;
  current: number;
}) {
  const t = useT();
  const show = (value: string | readonly Good[] | null) =>
    (Array.isArray(value) ? goodsText(t, value as Good[]) : (value as string | null)) || t('plans.emptyColumn');
  return (
    <section aria-labelledby="compare-title" className="plan-compare">
      <h2 id="compare-title">{t('plans.compareTitle', { number: comparison.number, current })}</h2>
      <p className="muted">{t('plans.compareHint')}</p>
      {comparison.rows.map((row) => (
        <ScrollTable key={row.areaKey} labelledBy={`compare-${row.areaKey}`}>
          <table>
            <caption id={`compare-${row.areaKey}`}>
              {areaLabel(t, row)} {row.change === 'ADDED' ? <span className="badge badge--green">{t('plans.areaAdded')}</span> : null}
              {row.change === 'REMOVED' ? <span className="badge badge--red">{t('plans.areaRemoved')}</span> : null}
              {row.change === 'SAME' ? <span className="muted">{t('plans.noChanges')}</span> : null}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t('plans.compareColumn')}</th>
                <th scope="col">{t('plans.versionColumn', { number: comparison.number })}</th>
                <th scope="col">{t('plans.currentColumn', { number: current })}</th>
              </tr>
            </thead>
            <tbody>
              {row.columns.map((column) => (
                <tr key={column.column} className={column.changed ? 'plan-changed' : undefined}>
                  <th scope="row">
                    {t(`plans.column.${column.column}`)}
                    {column.changed ? ' ' : null}
                    {column.changed ? <span className="badge badge--amber">{t('plans.changed')}</span> : null}
                  </th>
                  <td className="plan-text">{show(column.before)}</td>
                  <td className="plan-text">{show(column.after)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollTable>
      ))}
      <p>
        <Link to=".">{t('plans.closeCompare')}</Link>
      </p>
    </section>
  );
}

function Progress({ data }: { data: PlanPageData }) {
  const t = useT();
  const language = useLanguage();
  const areas = data.plan?.areas ?? [];
  const labelOf = (areaKey: string) => areaKeyLabel(t, areas, areaKey);
  return (
    <section aria-labelledby="progress-title">
      <h2 id="progress-title">{t('plans.progress')}</h2>
      <p className="muted">{t('plans.progressIntro')}</p>
      {data.reviews.length === 0 ? (
        <p>{t('plans.noReviews')}</p>
      ) : (
        <>
          <ScrollTable labelledBy="latest-caption">
            <table>
              <caption id="latest-caption">{t('plans.latestStatus')}</caption>
              <AreaStatusRows areas={areas} latest={data.latest} />
            </table>
          </ScrollTable>
          <h3>{t('plans.reviewHistory')}</h3>
          <ul className="plan-reviews">
            {data.reviews.map((review) => (
              <li key={review.id}>
                <p>
                  <strong>
                    {t('plans.reviewBy', {
                      date: formatDate(review.reviewedOn, language),
                      by: review.reviewedBy ?? t('plans.unknownUser'),
                    })}
                  </strong>
                </p>
                {review.note ? <p className="plan-text">{review.note}</p> : null}
                <ul>
                  {review.items.map((item) => (
                    <li key={item.areaKey}>
                      {labelOf(item.areaKey)}: {t(`plans.status.${item.status as ReviewStatus}`)}
                      {item.note ? ` – ${item.note}` : ''}
                    </li>
                  ))}
                </ul>
              </li>
            ))}
          </ul>
        </>
      )}
      {data.canEdit && data.plan ? <ReviewForm data={data} /> : null}
    </section>
  );
}

function WorkedOn({ data }: { data: PlanPageData }) {
  const t = useT();
  const language = useLanguage();
  const areas = data.plan?.areas ?? [];
  const workedOn = data.workedOn ?? [];
  const labelOf = (areaKey: string) => areaKeyLabel(t, areas, areaKey);
  return (
    <section aria-labelledby="worked-title">
      <h2 id="worked-title">{t('plans.workedOn')}</h2>
      <p className="muted">{t('plans.workedOnIntro')}</p>
      {workedOn.length === 0 ? (
        <p>{t('plans.workedOnNone')}</p>
      ) : (
        <ScrollTable labelledBy="worked-title">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('plans.month')}</th>
                <th scope="col">{t('plans.meetingsHeld')}</th>
                <th scope="col">{t('plans.areasColumn')}</th>
                <th scope="col">{t('plans.goodsColumn')}</th>
              </tr>
            </thead>
            <tbody>
              {workedOn.map((month) => (
                <tr key={month.month}>
                  <th scope="row">{formatMonth(month.month, language)}</th>
                  <td>{month.meetings}</td>
                  <td>{month.areas.map((a) => t('plans.countTimes', { label: labelOf(a.key), count: a.count })).join(', ')}</td>
                  <td>{month.goods.map((g) => t('plans.countTimes', { label: t(`plans.good.${g.key}`), count: g.count })).join(', ')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollTable>
      )}
    </section>
  );
}
