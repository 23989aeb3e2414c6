import { useId } from 'react';
import type { OutcomeMeasures, TrendMonth } from '~/domain/figures/outcomes.server';
import { formatMonth, formatNumber, formatPercent } from '~/lib/format';
import type { MessageKey } from '~/lib/i18n';
import { costHalfYearsText, formatOutcomeValue, programmeOutcomeRows } from '~/domain/reports/outcome-rows';
import { BarChart } from './charts';
import { useLanguage, useT } from './use-translation';

type Serialized<T> = T extends Date ? string : T extends object ? { [K in keyof T]: Serialized<T[K]> } : T;

/** The survival curve as a step line: days on the x axis, the share still together on the y axis. */
function SurvivalCurve({ title, description, steps }: { title: string; description: string; steps: { day: number; surviving: number }[] }) {
  const id = useId();
  const width = 320;
  const height = 160;
  const maxDay = Math.max(365, ...steps.map((step) => step.day));
  const x = (day: number) => 30 + (day / maxDay) * (width - 40);
  const y = (share: number) => 10 + (1 - share) * (height - 30);
  let path = `M ${x(0)} ${y(1)}`;
  let share = 1;
  for (const step of steps) {
    path += ` H ${x(step.day)} V ${y(step.surviving)}`;
    share = step.surviving;
  }
  path += ` H ${x(maxDay)}`;
  return (
    <svg
      role="img"
      aria-labelledby={`${id}-t ${id}-d`}
      viewBox={`0 0 ${width} ${height}`}
      width="100%"
      style={{ maxWidth: `${width * 1.5}px` }}
    >
      <title id={`${id}-t`}>{title}</title>
      <desc id={`${id}-d`}>{description}</desc>
      <line x1={x(0)} x2={x(0)} y1={y(1)} y2={y(0)} stroke="#1b1b1f" />
      <line x1={x(0)} x2={x(maxDay)} y1={y(0)} y2={y(0)} stroke="#1b1b1f" />
      {[183, 365].map((day) => (
        <line key={day} x1={x(day)} x2={x(day)} y1={y(1)} y2={y(0)} stroke="#1b1b1f" strokeDasharray="3 2" />
      ))}
      <text x="0" y={y(1) + 4} fontSize="10" fill="#1b1b1f">
        100
      </text>
      <text x="8" y={y(0) + 4} fontSize="10" fill="#1b1b1f">
        0
      </text>
      <path d={path} fill="none" stroke="#9b1c1c" strokeWidth="2" data-final={share} />
    </svg>
  );
}

function days(value: number | null, language: 'nb' | 'en', none: string): string {
  return value === null ? none : formatNumber(value, language);
}

/** One period's outcome measures: a chart for each and a table with the same numbers. */
export function OutcomeSection({
  heading,
  measures,
  idPrefix,
}: {
  heading: string;
  measures: Serialized<OutcomeMeasures>;
  idPrefix: string;
}) {
  const t = useT();
  const language = useLanguage();
  const { duration, closures, onTarget, fidelity, leadTimes } = measures;
  const none = t('outcomes.none');
  const rows: [string, string][] = [
    [t('outcomes.pairs'), formatNumber(duration.pairs, language)],
    [t('outcomes.medianDays'), days(duration.medianDays, language, t('outcomes.medianNotReached'))],
    [t('outcomes.reaching6'), formatPercent(duration.reaching6Months, language)],
    [t('outcomes.reaching12'), formatPercent(duration.reaching12Months, language)],
    [t('outcomes.earlyClosures'), t('outcomes.ofEnded', { count: closures.count, ended: closures.ended })],
    [
      t('outcomes.onTarget'),
      `${formatPercent(onTarget.share, language)} (${t('outcomes.ofPairMonths', { count: onTarget.onTarget, total: onTarget.pairMonths })})`,
    ],
    [
      t('outcomes.fidelityFirst'),
      `${formatPercent(fidelity.firstMonthShare, language)} (${fidelity.firstMonthMet} / ${fidelity.firstMonthPairs})`,
    ],
    [t('outcomes.fidelityLater'), `${formatPercent(fidelity.laterShare, language)} (${fidelity.laterMet} / ${fidelity.laterMonths})`],
    [t('outcomes.toDecision'), days(leadTimes.medianToDecision, language, none)],
    [t('outcomes.toMatch'), days(leadTimes.medianToMatch, language, none)],
  ];
  const reasonBars = closures.reasons.map((row) => ({ label: t(`meetings.close.reason.${row.reason}` as MessageKey), value: row.count }));
  const curveSummary = t('outcomes.curveDescription', {
    median: days(duration.medianDays, language, t('outcomes.medianNotReached')),
    six: formatPercent(duration.reaching6Months, language),
    twelve: formatPercent(duration.reaching12Months, language),
    pairs: duration.pairs,
  });
  return (
    <section aria-labelledby={`${idPrefix}-title`} className="outcomes">
      <h3 id={`${idPrefix}-title`}>{heading}</h3>
      <div className="panel-grid">
        <figure className="chart">
          <SurvivalCurve title={t('outcomes.curveTitle')} description={curveSummary} steps={duration.curve} />
          <figcaption>{curveSummary}</figcaption>
        </figure>
        {reasonBars.length > 0 ? (
          <BarChart
            title={t('outcomes.reasonsTitle')}
            description={reasonBars.map((bar) => `${bar.label} ${bar.value}`).join(', ')}
            valueLabel={t('reports.count')}
            bars={reasonBars}
          />
        ) : (
          <p className="muted">{t('outcomes.noEarlyClosures')}</p>
        )}
      </div>
      <table className="report-table">
        <tbody>
          {rows.map(([label, value]) => (
            <tr key={label}>
              <th scope="row">{label}</th>
              <td>{value}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h4 id={`${idPrefix}-more`}>{t('outcomes.moreTitle')}</h4>
      {measures.cost.halfYears.length > 0 ? (
        <p className="muted">{t('outcomes.costHalfYears', { halfYears: costHalfYearsText(measures.cost.halfYears, language) })}</p>
      ) : null}
      <table className="report-table" aria-labelledby={`${idPrefix}-more`}>
        <tbody>
          {programmeOutcomeRows(measures).map((row) => (
            <tr key={row.key} data-outcome={row.key}>
              <th scope="row">{t(row.label)}</th>
              <td>{formatOutcomeValue(row, language, t)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

/** Meetings held against the target and active pairs per month, as bars with a target mark, and the numbers as a table. */
export function TrendCharts({ months }: { months: TrendMonth[] }) {
  const t = useT();
  const language = useLanguage();
  const label = (month: string) => formatMonth(month, language);
  const meetingBars = months.map((month) => ({ label: label(month.month), value: month.held, target: month.target }));
  const pairBars = months.map((month) => ({ label: label(month.month), value: month.activePairs }));
  return (
    <section aria-labelledby="trends-title">
      <h3 id="trends-title">{t('outcomes.trendsTitle')}</h3>
      <div className="panel-grid">
        <BarChart
          title={t('outcomes.trendMeetings')}
          description={meetingBars
            .map((bar) => t('outcomes.trendMeetingsLine', { month: bar.label, held: bar.value, target: bar.target }))
            .join('; ')}
          valueLabel={t('outcomes.held')}
          targetLabel={t('outcomes.target')}
          bars={meetingBars}
        />
        <BarChart
          title={t('outcomes.trendPairs')}
          description={pairBars.map((bar) => `${bar.label} ${bar.value}`).join('; ')}
          valueLabel={t('outcomes.activePairs')}
          bars={pairBars}
        />
      </div>
    </section>
  );
}
