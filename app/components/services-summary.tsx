import { Link } from '@remix-run/react';
import type { TrackerItem, TrackerOwner, TrackerStatus } from '~/domain/participants/service-tracker';
import { formatDate, type IsoDate } from '~/lib/time';
import { useLanguage, useT } from './use-translation';

export interface ServicesSummaryRow {
  item: TrackerItem;
  status: TrackerStatus;
  owner: TrackerOwner;
  deadline: IsoDate;
  overdue: boolean;
}

/** -- services (#21): a participant's services tracker at a glance, with the link to its page. */
export function ServicesSummary({ participantId, rows }: { participantId: string; rows: ServicesSummaryRow[] }) {
  const t = useT();
  const language = useLanguage();
  const done = rows.filter((row) => row.status === 'DONE' || row.status === 'NOT_NEEDED').length;
  const overdue = rows.filter((row) => row.overdue).length;
  return (
    <section aria-labelledby="services-title">
      <h2 id="services-title">{t('services.linkTitle')}</h2>
      <p>
        {overdue > 0
          ? t('services.summaryOverdue', { done, total: rows.length, overdue })
          : t('services.summary', { done, total: rows.length })}
      </p>
      <ul className="services-summary">
        {rows.map((row) => (
          <li key={row.item}>
            {t(`services.item.${row.item}`)}: {t(`services.statusValue.${row.status}`)} ({t('services.deadline').toLowerCase()}{' '}
            {formatDate(row.deadline, language)}, {t(`services.ownerValue.${row.owner}`)})
            {row.overdue ? <span className="badge status status--overdue"> {t('services.overdueBadge')}</span> : null}
          </li>
        ))}
      </ul>
      <p>
        <Link to={`/participants/${participantId}/services`}>{t('services.open')}</Link>
      </p>
    </section>
  );
}
