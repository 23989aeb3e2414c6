import type { PairMonth } from '~/domain/pairs/pair-month.server';
import type { Health } from '~/domain/pairs/pair-month';

/** What a row of the pairs-at-a-glance table shows, and all the page needs to be sent. */
export function glanceRow(pair: PairMonth) {
  const {
    id,
    participantFirstName,
    volunteerName,
    target,
    held,
    plannedAhead,
    daysSinceHeld,
    openConcerns,
    health,
    justReleased,
    flaggedForRematch,
  } = pair;
  return {
    id,
    participantFirstName,
    volunteerName,
    target,
    held,
    plannedAhead,
    daysSinceHeld,
    openConcerns,
    health,
    justReleased,
    flaggedForRematch,
  };
}

const HEALTH_ORDER: Record<Health, number> = { RED: 0, AMBER: 1, GREEN: 2 };

/** The pairs that most need attention first (red, amber, then green), at most `limit`. */
export function mostUrgentPairs(months: PairMonth[], limit: number): PairMonth[] {
  return [...months].sort((a, b) => HEALTH_ORDER[a.health] - HEALTH_ORDER[b.health]).slice(0, limit);
}
