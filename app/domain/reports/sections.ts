/** The sections of the funder report, in the order the page and the CSV show them. */
export const REPORT_SECTIONS = ['participants', 'volunteers', 'pairs', 'meetings', 'quality'] as const;
export type ReportSection = (typeof REPORT_SECTIONS)[number];

export interface ReportMetric {
  section: ReportSection;
  key: string;
  value: number;
}
