import ExcelJS from 'exceljs';
import { db } from '~/lib/db.server';
import { getSetting } from '~/domain/settings/settings.server';
import { funderReportView } from './funder-report.server';
import { translator, type Language, type MessageKey } from '~/lib/i18n';
import { parseHalfYear } from '~/lib/time';
import { reportNoteKey } from './notes';
import type { ReportPeriod } from '~/domain/figures/period';
import { REPORT_SECTIONS, type ReportMetric } from './sections';

/** "2026" → "Året 2026", "2026-H2" → "2. halvår 2026", in the reader's language. */
export function periodName(key: string, language: Language): string {
  const t = translator(language);
  if (/^\d{4}$/.test(key)) return t('reports.year', { year: key });
  const { year, half } = parseHalfYear(key);
  return t(half === 1 ? 'recruitment.halfYear.1' : 'recruitment.halfYear.2', { year });
}

/**
 * The funder report as an Excel workbook for people: one sheet per section, headers in the
 * reader's language, values as numbers (a decimal shows with the reader's decimal sign in
 * Excel, whatever its locale), and the notes that explain a figure. The stable key is kept in
 * the last column for whoever sorts or joins.
 */
export async function funderWorkbook(
  metrics: ReportMetric[],
  period: ReportPeriod,
  language: Language,
  rematchesCount: boolean,
): Promise<Buffer> {
  const t = translator(language);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Brobygger';
  const name = periodName(period.key, language);
  for (const section of REPORT_SECTIONS) {
    // Sheet names: at most 31 characters, none of : \ / ? * [ ]
    const sheet = workbook.addWorksheet(
      t(`reports.${section}` as MessageKey)
        .replace(/[:\\/?*[\]]/g, ' ')
        .slice(0, 31),
    );
    sheet.columns = [
      { header: t('figures.xlsx.period'), key: 'period', width: 18 },
      { header: t('figures.xlsx.figure'), key: 'label', width: 40 },
      { header: t('figures.xlsx.value'), key: 'value', width: 12 },
      { header: t('figures.xlsx.note'), key: 'note', width: 70 },
      { header: t('figures.xlsx.key'), key: 'key', width: 24 },
    ];
    sheet.getRow(1).font = { bold: true };
    sheet.views = [{ state: 'frozen', ySplit: 1 }];
    for (const metric of metrics.filter((m) => m.section === section)) {
      const note = reportNoteKey(metric.key, rematchesCount);
      const row = sheet.addRow({
        period: name,
        label: t(`reports.metric.${metric.key}` as MessageKey),
        value: metric.value,
        note: note ? t(note) : '',
        key: metric.key,
      });
      row.getCell('value').numFmt = Number.isInteger(metric.value) ? '0' : '0.0';
    }
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** The period's workbook in the reader's language, from the kept figures and the rematch setting. */
export async function funderReportWorkbook(period: ReportPeriod, language: Language): Promise<Buffer> {
  const [{ data: metrics }, rematchesCount] = await Promise.all([funderReportView(period), getSetting(db, 'countRematchesAsNewPairs')]);
  return funderWorkbook(metrics, period, language, rematchesCount);
}
