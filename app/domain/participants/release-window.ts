import { addDays } from '~/lib/time';

/**
 * Release windows around today, one definition for every list that filters by the release date
 * (/pairs, /referrals, /matching): the next or the last N days, today included.
 */
export const RELEASE_WINDOWS = ['next14', 'next30', 'next90', 'past30', 'past90'] as const;
export type ReleaseWindow = (typeof RELEASE_WINDOWS)[number];

export function releaseRange(window: ReleaseWindow, today: string): { from: string; to: string } {
  const days = Number(window.replace(/\D/g, ''));
  return window.startsWith('next') ? { from: today, to: addDays(today, days) } : { from: addDays(today, -days), to: today };
}
