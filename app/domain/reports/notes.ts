import type { MessageKey } from '~/lib/i18n';

/**
 * Why a report figure may differ from the dashboard (a period against now), shown next to the
 * figure on /reports and in the workbook. `rematchesCount` is the countRematchesAsNewPairs setting.
 */
export function reportNoteKey(metricKey: string, rematchesCount: boolean): MessageKey | null {
  switch (metricKey) {
    case 'participantsAccepted':
      return 'figures.report.note.participantsAccepted';
    case 'volunteersReady':
      return 'figures.report.note.volunteersReady';
    case 'volunteersActive':
      return 'figures.report.note.volunteersActive';
    case 'pairsStarted':
      return rematchesCount ? 'figures.report.note.pairsStartedCounted' : 'figures.report.note.pairsStartedNotCounted';
    case 'meetingsHeld':
      return 'figures.report.note.meetingsHeld';
    case 'meetingsPerPairMonth':
      return 'figures.report.note.meetingsPerPairMonth';
    default:
      return null;
  }
}
