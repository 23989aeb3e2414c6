import ExcelJS from 'exceljs';
import { db } from '~/lib/db.server';
import { getSetting } from '~/domain/settings/settings.server';
import { funderReportView } from './funder-report.server';
import { translator, type Language, type MessageKey } from '~/lib/i18n';
import { parseHalfYear } from '~/lib/time';
import { reportNoteKey } from './notes';
import type { ReportPeriod } from '~/domain/figures/period';
import { outcomeMeasures, type OutcomeMeasures } from '~/domain/figures/outcomes.server';
import { REPORT_SECTIONS, type ReportMetric } from './sections';
import { programmeOutcomeRows, type OutcomeKind } from './outcome-rows';

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
  outcomes?: { period: OutcomeMeasures; allTime: OutcomeMeasures },
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
  if (outcomes) {
    const sheet = workbook.addWorksheet(t('outcomes.title').slice(0, 31));
    sheet.columns = [
      { header: t('figures.xlsx.figure'), key: 'label', width: 50 },
      { header: name, key: 'period', width: 18 },
      { header: t('outcomes.allTimeHeading'), key: 'allTime', width: 18 },
      { header: t('figures.xlsx.key'), key: 'key', width: 24 },
    ];
    sheet.getRow(1).font = { bold: true };
    sheet.views = [{ state: 'frozen', ySplit: 1 }];
    const periodRows = outcomeRows(outcomes.period);
    const allRows = outcomeRows(outcomes.allTime);
    periodRows.forEach(([key, labelKey, value, share], index) => {
      const row = sheet.addRow({ label: t(labelKey), period: value, allTime: allRows[index]![2], key });
      for (const cell of ['period', 'allTime']) row.getCell(cell).numFmt = share ? '0.0%' : '0.0';
    });
    // The same rows /reports shows (decision 022); amounts in kroner, "–" where there is none yet.
    const morePeriod = programmeOutcomeRows(outcomes.period);
    const moreAll = programmeOutcomeRows(outcomes.allTime);
    morePeriod.forEach((entry, index) => {
      const cellValue = (value: number | null) => (value === null ? '–' : entry.kind === 'nok' ? value / 100 : value);
      const row = sheet.addRow({
        label: t(entry.label),
        period: cellValue(entry.value),
        allTime: cellValue(moreAll[index]!.value),
        key: entry.key,
      });
      for (const cell of ['period', 'allTime']) row.getCell(cell).numFmt = WORKBOOK_FORMATS[entry.kind];
    });
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** Excel number formats per kind of figure: Excel shows the reader's own thousands and decimal signs. */
const WORKBOOK_FORMATS: Record<OutcomeKind, string> = {
  count: '0',
  days: '0.0',
  share: '0.0%',
  hours: '#,##0.0',
  nok: '#,##0.00 "kr"',
};

/** The period's workbook in the reader's language, from the kept figures and the rematch setting. */
export async function funderReportWorkbook(period: ReportPeriod, language: Language): Promise<Buffer> {
  const [{ data: metrics }, rematchesCount, outcomes, allTime] = await Promise.all([
    funderReportView(period),
    getSetting(db, 'countRematchesAsNewPairs'),
    outcomeMeasures(period),
    outcomeMeasures(null),
  ]);
  return funderWorkbook(metrics, period, language, rematchesCount, { period: outcomes, allTime });
}

/** The outcome measures as workbook rows: key, label, value (null when there is none yet), whether it is a share. */
export function outcomeRows(measures: OutcomeMeasures): [string, MessageKey, number | null, boolean][] {
  const { duration, closures, onTarget, fidelity, leadTimes } = measures;
  return [
    ['pairsStarted', 'outcomes.pairs', duration.pairs, false],
    ['medianDays', 'outcomes.medianDays', duration.medianDays, false],
    ['reaching6Months', 'outcomes.reaching6', duration.reaching6Months, true],
    ['reaching12Months', 'outcomes.reaching12', duration.reaching12Months, true],
    ['earlyClosures', 'outcomes.earlyClosures', closures.count, false],
    ['pairMonthsOnTarget', 'outcomes.onTarget', onTarget.share, true],
    ['fidelityFirstMonth', 'outcomes.fidelityFirst', fidelity.firstMonthShare, true],
    ['fidelityLaterMonths', 'outcomes.fidelityLater', fidelity.laterShare, true],
    ['daysToDecision', 'outcomes.toDecision', leadTimes.medianToDecision, false],
    ['daysToMatch', 'outcomes.toMatch', leadTimes.medianToMatch, false],
  ];
}
