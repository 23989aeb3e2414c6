import { db, type Db } from '~/lib/db.server';
import { cachedView } from '~/lib/view-snapshot.server';
import { pairMonths } from '~/domain/pairs/pair-month.server';
import { needsActionToday } from './needs-action.server';
import { glanceRow, mostUrgentPairs } from './pairs-at-a-glance';
import { recruitmentStatus } from './recruitment-status.server';
import { currentTime } from '~/lib/clock';
import { halfYearPeriod, meetingsPerPairMonth, monthFigures, pairsOnTargetInMonth } from '~/domain/figures/figures.server';
import { halfYearOf, monthOf, shiftMonth } from '~/lib/time';

/** The pairs at a glance on the dashboard: those that most need attention; /pairs lists all. */
const DASHBOARD_PAIRS = 25;
/** How far the kept figures may lag the clock (days since a meeting, meetings still ahead). */
const DASHBOARD_MAX_AGE_MS = 60_000;

/** The pairs' months, what needs action today and recruitment: the dashboard's costly part. */
export async function dashboardFigures(db: Db, now: Date) {
  const months = await pairMonths(db, now);
  const [needsAction, recruitment, lastMonth, perPairMonth] = await Promise.all([
    needsActionToday(db, now, months),
    recruitmentStatus(db, now),
    pairsOnTargetInMonth(db, shiftMonth(monthOf(now), -1)),
    meetingsPerPairMonth(db, halfYearPeriod(halfYearOf(now)), now),
  ]);
  return {
    needsAction,
    pairs: mostUrgentPairs(months, DASHBOARD_PAIRS).map(glanceRow),
    pairCount: months.length,
    recruitment,
    // The same figures as the weekly digest, the monthly summary and the report for this half-year.
    month: { ...monthFigures(months, now), lastMonth, perPairMonth: perPairMonth.perPairMonth },
  };
}

/**
 * The figures as a view snapshot: at national scale they take tens of milliseconds, so they
 * are computed again only after a change to the data or once a minute old.
 */
export function dashboardView(now = currentTime()) {
  return cachedView(db, 'dashboard', DASHBOARD_MAX_AGE_MS, () => dashboardFigures(db, now), now);
}
