import type { LoaderFunctionArgs } from '@remix-run/node';
import { json } from '@remix-run/node';
import { Form, useLoaderData } from '@remix-run/react';
import { BarChart } from '~/components/charts';
import { GeneralErrorBoundary } from '~/components/error-boundary';
import { OutcomeSection, TrendCharts } from '~/components/outcome-report';
import { ParticipantVoiceReport } from '~/components/participant-voice-report';
import { periodLabel } from '~/components/recruitment-panel';
import { useLanguage, useT } from '~/components/use-translation';
import { funderReportPage } from '~/domain/reports/funder-report.server';
import { REPORT_SECTIONS, type ReportMetric } from '~/domain/reports/sections';
import { parsePeriod, periodChoices } from '~/domain/figures/period';
import { reportNoteKey } from '~/domain/reports/notes';
import { requireUser } from '~/lib/auth.server';
import type { MessageKey } from '~/lib/i18n';
import { formatDateTime, halfYearOf } from '~/lib/time';
import { formatNumber } from '~/lib/format';
import { currentTime } from '~/lib/clock';
import { pageTitle } from '~/lib/page-title';

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request, { capability: 'reports:view' });
  const now = currentTime();
  const requested = new URL(request.url).searchParams.get('period') ?? halfYearOf(now);
  const period = parsePeriod(requested);
  if (!period) throw new Response('Bad Request', { status: 400 });
  const { report, rematchesCount, voice, outcomes, outcomesAllTime, trends } = await funderReportPage(period, now);
  return json({
    period: period.key,
    choices: periodChoices(now),
    metrics: report.data,
    computedAt: report.computedAt,
    rematchesCount,
    voice,
    outcomes,
    outcomesAllTime,
    trends,
  });
}

function value(metrics: ReportMetric[], key: string): number {
  return metrics.find((metric) => metric.key === key)?.value ?? 0;
}

export default function Reports() {
  const { period, choices, metrics, computedAt, rematchesCount, voice, outcomes, outcomesAllTime, trends } = useLoaderData<typeof loader>();
  const t = useT();
  const language = useLanguage();
  const label = (key: string) => t(`reports.metric.${key}` as MessageKey);
  const meetingBars = ['meetingsHeld', 'meetingsCancelled', 'meetingsNoShow'].map((key) => ({
    label: label(key),
    value: value(metrics, key),
  }));
  const pairBars = ['pairsStarted', 'pairsEndedPlanned', 'pairsEndedUnplanned'].map((key) => ({
    label: label(key),
    value: value(metrics, key),
  }));
  const summary = (bars: { label: string; value: number }[]) => bars.map((bar) => `${bar.label} ${bar.value}`).join(', ');
  return (
    <>
      <h1>{t('reports.title')}</h1>
      <Form method="get" className="actions no-print">
        <div className="field">
          <label htmlFor="period">{t('reports.period')}</label>
          <select id="period" name="period" defaultValue={period}>
            {choices.map((choice) => (
              <option key={choice} value={choice}>
                {periodLabel(t, choice)}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="secondary">
          {t('reports.show')}
        </button>
        <a className="button" href={`/reports/funder.xlsx?period=${period}`} download>
          {t('figures.xlsx.download')}
        </a>
        <a className="button secondary" href={`/reports/funder.csv?period=${period}`} download>
          {t('reports.downloadCsv')}
        </a>
      </Form>
      <p className="muted no-print">{t('figures.xlsx.csvNote')}</p>
      <h2>{t('reports.heading', { period: periodLabel(t, period) })}</h2>
      <p className="muted">{t('reports.computedAt', { time: formatDateTime(new Date(computedAt), language) })}</p>
      <p>{t('figures.report.periodNote')}</p>
      <div className="panel-grid">
        <BarChart
          title={t('reports.chartMeetings')}
          description={t('reports.chartMeetingsDescription', { summary: summary(meetingBars) })}
          valueLabel={t('reports.count')}
          bars={meetingBars}
        />
        <BarChart
          title={t('reports.chartPairs')}
          description={t('reports.chartPairsDescription', { summary: summary(pairBars) })}
          valueLabel={t('reports.count')}
          bars={pairBars}
        />
      </div>
      {REPORT_SECTIONS.map((section) => (
        <section key={section} aria-labelledby={`section-${section}`}>
          <h3 id={`section-${section}`}>{t(`reports.${section}` as MessageKey)}</h3>
          <table className="report-table">
            <tbody>
              {metrics
                .filter((metric) => metric.section === section)
                .map((metric) => {
                  const note = reportNoteKey(metric.key, rematchesCount);
                  return (
                    <tr key={metric.key} data-metric={metric.key}>
                      <th scope="row">
                        {label(metric.key)}
                        {note ? <span className="report-note muted">{t(note)}</span> : null}
                      </th>
                      <td>{formatNumber(metric.value, language)}</td>
                    </tr>
                  );
                })}
            </tbody>
          </table>
        </section>
      ))}
      <ParticipantVoiceReport voice={voice} />
      <h2>{t('outcomes.title')}</h2>
      <p>{t('outcomes.note')}</p>
      <OutcomeSection
        heading={t('outcomes.periodHeading', { period: periodLabel(t, period) })}
        measures={outcomes}
        idPrefix="outcomes-period"
      />
      <OutcomeSection heading={t('outcomes.allTimeHeading')} measures={outcomesAllTime} idPrefix="outcomes-all" />
      <TrendCharts months={trends} />
    </>
  );
}

export const meta = pageTitle('title.reports');

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
