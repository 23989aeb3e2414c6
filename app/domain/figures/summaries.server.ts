import type { Tx } from '~/lib/db.server';
import { translator, type Language } from '~/lib/i18n';
import { monthOf, shiftMonth } from '~/lib/time';
import { currentTime } from '~/lib/clock';
import { meetingsThisMonth, pairsOnTargetInMonth } from './figures.server';

/**
 * The pairs' section of the coordinator's weekly digest: the dashboard's figures for this
 * month, counts only (it travels by email). Null when there are no active pairs.
 */
export async function pairsDigestSection(db: Tx, now: Date, language: Language): Promise<{ title: string; lines: string[] } | null> {
  const t = translator(language);
  const figures = await meetingsThisMonth(db, now);
  if (figures.pairs === 0) return null;
  const lines = [
    t('meetings.digest.status', { green: figures.health.GREEN, amber: figures.health.AMBER, red: figures.health.RED }),
    t('figures.digest.held', { held: figures.held, expected: figures.expectedByToday, target: figures.target }),
    t('figures.digest.behind', { count: figures.behind }),
  ];
  if (figures.openConcerns > 0) lines.push(t('meetings.digest.concerns', { count: figures.openConcerns }));
  return { title: t('meetings.digest.title'), lines };
}

/** Last month's compliance (the month before `now`): pairs active then and how many reached their target. */
export function monthlyCompliance(db: Tx, now = currentTime()) {
  return pairsOnTargetInMonth(db, shiftMonth(monthOf(now), -1));
}
