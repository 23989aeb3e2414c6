import type { OutcomeMeasures } from '~/domain/figures/outcomes.server';
import { formatHalfYear, formatNok, formatNumber, formatPercent } from '~/lib/format';
import type { MessageKey } from '~/lib/i18n';
import type { Language } from '~/lib/time';

/** How a figure reads: a count, days, a share (0–1), hours, or an amount in øre. */
export type OutcomeKind = 'count' | 'days' | 'share' | 'hours' | 'nok';

export interface OutcomeRow {
  key: string;
  label: MessageKey;
  /** Null when there is nothing to measure yet: shown as "–" (or `empty`), never as 0 or NaN. */
  value: number | null;
  kind: OutcomeKind;
  /** The words shown instead of "–" when the value is null. */
  empty?: MessageKey;
}

type Measures = Pick<OutcomeMeasures, 'release' | 'plans' | 'volunteers' | 'cost'> & Partial<Pick<OutcomeMeasures, 'services'>>;

/**
 * The release, plan, volunteer and cost figures as rows: the one list /reports shows and the
 * workbook writes (decision 022), so both read the same numbers from the same functions.
 */
export function programmeOutcomeRows(measures: Measures): OutcomeRow[] {
  const { release, plans, volunteers, cost, services } = measures;
  return [
    { key: 'releasedInPair', label: 'outcomes.released', value: release.released, kind: 'count' },
    { key: 'daysMatchedBeforeRelease', label: 'outcomes.daysBeforeRelease', value: release.medianDaysMatchedBeforeRelease, kind: 'days' },
    { key: 'prisonMeetingsBeforeRelease', label: 'outcomes.prisonMeetingsShare', value: release.share, kind: 'share' },
    // -- services (#21): the services tracker (serviceFigures); absent from a report kept before they were added.
    { key: 'trackerItemsDue', label: 'outcomes.trackerItemsDue', value: services?.itemsDue ?? null, kind: 'count' },
    { key: 'trackerDoneByRelease', label: 'outcomes.trackerDoneByRelease', value: services?.share ?? null, kind: 'share' },
    { key: 'navNotices', label: 'outcomes.navNotices', value: services?.navNotices ?? null, kind: 'count' },
    { key: 'navNoticeDays', label: 'outcomes.navNoticeDays', value: services?.medianNavNoticeDays ?? null, kind: 'days' },
    { key: 'plansReviewedTwice', label: 'outcomes.plansReviewed', value: plans.plans, kind: 'count' },
    { key: 'areasImproved', label: 'outcomes.areasImproved', value: plans.improvedShare, kind: 'share' },
    { key: 'areasAchieved', label: 'outcomes.areasAchieved', value: plans.achieved, kind: 'count' },
    { key: 'volunteersReady', label: 'outcomes.volunteersReady', value: volunteers.becameReady, kind: 'count' },
    { key: 'daysToReady', label: 'outcomes.daysToReady', value: volunteers.medianDaysToReady, kind: 'days' },
    { key: 'volunteerHours', label: 'outcomes.volunteerHours', value: volunteers.hoursGiven, kind: 'hours' },
    { key: 'volunteersGiving', label: 'outcomes.volunteersGiving', value: volunteers.volunteersGiving, kind: 'count' },
    { key: 'costTotal', label: 'outcomes.costTotal', value: cost.totalOre || null, kind: 'nok', empty: 'outcomes.noCosts' },
    { key: 'costActivePairs', label: 'outcomes.costActivePairs', value: cost.activePairs, kind: 'count' },
    { key: 'costPerActivePair', label: 'outcomes.costPerActivePair', value: cost.perActivePairOre, kind: 'nok' },
    { key: 'costCompletedPairs', label: 'outcomes.costCompletedPairs', value: cost.completedPairs, kind: 'count' },
    { key: 'costPerCompletedPair', label: 'outcomes.costPerCompletedPair', value: cost.perCompletedPairOre, kind: 'nok' },
  ];
}

/** A row's value as a person reads it in the language; "–" or the row's words when there is none. */
export function formatOutcomeValue(row: OutcomeRow, language: Language, t: (key: MessageKey) => string): string {
  if (row.value === null) return t(row.empty ?? 'outcomes.noValue');
  switch (row.kind) {
    case 'share':
      return formatPercent(row.value, language);
    case 'nok':
      return formatNok(row.value, language);
    case 'hours':
      return formatNumber(row.value, language, { maximumFractionDigits: 1 });
    default:
      return formatNumber(row.value, language);
  }
}

/** The half-years whose costs a period counts, as words ("2. halvår 2026"). */
export function costHalfYearsText(halfYears: readonly string[], language: Language): string {
  return halfYears.map((key) => formatHalfYear(key, language)).join(', ');
}
