import type { MonthFigures } from '~/domain/figures/figures.server';
import { formatMonth } from '~/lib/time';
import { useLanguage, useT } from './use-translation';

/** This month's meetings on the dashboard: the same figures as the weekly digest. */
export function MonthFiguresPanel({
  figures,
}: {
  figures: Omit<MonthFigures, 'health'> & { lastMonth: { month: string; pairs: number; onTarget: number }; perPairMonth: number };
}) {
  const t = useT();
  const language = useLanguage();
  return (
    <section aria-labelledby="month-figures-title">
      <h2 id="month-figures-title">
        {t('figures.dash.title')} ({formatMonth(figures.month, language)})
      </h2>
      <dl className="stats">
        <div>
          <dt>{t('figures.dash.held')}</dt>
          <dd data-figure="held">{figures.held}</dd>
        </div>
        <div>
          <dt>{t('figures.dash.expected')}</dt>
          <dd data-figure="expected">{figures.expectedByToday}</dd>
        </div>
        <div>
          <dt>{t('figures.dash.target')}</dt>
          <dd data-figure="target">{figures.target}</dd>
        </div>
        <div>
          <dt>{t('figures.dash.behind')}</dt>
          <dd data-figure="behind">{figures.behind}</dd>
        </div>
        <div>
          <dt>{t('figures.dash.lastMonth')}</dt>
          <dd data-figure="last-month">
            {t('figures.dash.ofPairs', { count: figures.lastMonth.onTarget, pairs: figures.lastMonth.pairs })}
          </dd>
        </div>
        <div>
          <dt>{t('figures.dash.perPairMonth')}</dt>
          <dd data-figure="per-pair-month">{figures.perPairMonth.toLocaleString(language === 'en' ? 'en-GB' : 'nb-NO')}</dd>
        </div>
      </dl>
      <p className="muted">{t('figures.dash.monthNote')}</p>
    </section>
  );
}
