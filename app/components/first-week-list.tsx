import { Link } from '@remix-run/react';
import { useLanguage, useT } from '~/components/use-translation';
import { formatDate } from '~/lib/time';

export interface FirstWeekListRow {
  participantId: string;
  firstName: string;
  releaseDate: string;
  pairId: string;
  targets: { day: 0 | 1 | 3 | 7; date: string; state: 'MET' | 'MISSED' | 'UPCOMING' }[];
}

/** The coordinator's list of participants released in the last 14 days and their day 0/1/3/7 contacts (#21). */
export function FirstWeekList({ rows }: { rows: FirstWeekListRow[] }) {
  const t = useT();
  const language = useLanguage();
  const days = [0, 1, 3, 7] as const;
  return (
    <section aria-labelledby="first-week-title">
      <h2 id="first-week-title">{t('firstWeek.title')}</h2>
      <p>{t('firstWeek.intro')}</p>
      {rows.length === 0 ? (
        <p className="muted">{t('firstWeek.none')}</p>
      ) : (
        <div>
          <table>
            <thead>
              <tr>
                <th scope="col">{t('firstWeek.participant')}</th>
                <th scope="col">{t('firstWeek.released')}</th>
                {days.map((day) => (
                  <th key={day} scope="col">
                    {t('firstWeek.day', { day })}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.participantId}>
                  <th scope="row">
                    <Link to={`/pairs/${row.pairId}`}>{row.firstName}</Link>
                  </th>
                  <td>{formatDate(row.releaseDate, language)}</td>
                  {row.targets.map((target) => (
                    <td key={target.day}>
                      <span
                        className={target.state === 'MISSED' ? 'badge badge--red' : target.state === 'MET' ? 'badge badge--green' : 'muted'}
                      >
                        {t(`firstWeek.state.${target.state}`)}
                      </span>{' '}
                      <span className="muted">{formatDate(target.date, language)}</span>
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
