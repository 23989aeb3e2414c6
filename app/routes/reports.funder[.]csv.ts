import type { LoaderFunctionArgs } from '@remix-run/node';
import { toCsv } from '~/domain/reports/csv';
import { funderReportView } from '~/domain/reports/funder-report.server';
import { parsePeriod } from '~/domain/figures/period';
import { requireUser } from '~/lib/auth.server';
import { csvDownload } from '~/lib/csv-download';
import { translator, type MessageKey } from '~/lib/i18n';
import { halfYearOf } from '~/lib/time';
import { currentTime } from '~/lib/clock';

/** The funder report as CSV: one row per figure, with the section, a stable key and a label. */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request, { capability: 'reports:view' });
  const requested = new URL(request.url).searchParams.get('period') ?? halfYearOf(currentTime());
  const period = parsePeriod(requested);
  if (!period) throw new Response('Bad Request', { status: 400 });
  const t = translator(user.language === 'en' ? 'en' : 'nb');
  const { data: metrics } = await funderReportView(period);
  const csv = toCsv([
    ['period', 'section', 'key', 'label', 'value'],
    ...metrics.map((metric) => [period.key, metric.section, metric.key, t(`reports.metric.${metric.key}` as MessageKey), metric.value]),
  ]);
  return csvDownload(csv, `brobygger-${period.key}.csv`);
}
