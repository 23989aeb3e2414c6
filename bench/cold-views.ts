/**
 * What the kept views cost when they must be computed (after a change or once they are too
 * old): the dashboard's figures, the matching overview and the current half-year's funder
 * report over the national dataset, in process, median of repeated runs. The page
 * measurements mostly see the stored snapshot; this is the other side.
 */
import { performance } from 'node:perf_hooks';
import { createPrismaClient } from '../app/lib/db.server';
import { matchingOverview } from '../app/domain/matching/matching.server';
import { dashboardFigures } from '../app/domain/monitoring/dashboard.server';
import { funderReport } from '../app/domain/reports/funder-report.server';
import { parsePeriod } from '../app/domain/figures/period';
import { halfYearOf } from '../app/lib/time';

async function medianMs(runs: number, task: () => Promise<unknown>): Promise<number> {
  await task(); // warm-up: statement caches, JIT
  const times: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const started = performance.now();
    await task();
    times.push(performance.now() - started);
  }
  return times.sort((a, b) => a - b)[Math.floor(runs / 2)] ?? NaN;
}

export async function benchColdViews(databaseUrl: string) {
  const db = createPrismaClient(databaseUrl);
  try {
    const period = parsePeriod(halfYearOf(new Date()))!;
    return {
      dashboardFiguresMs: await medianMs(7, () => dashboardFigures(db, new Date())),
      matchingOverviewMs: await medianMs(7, () => matchingOverview(db, new Date())),
      funderReportMs: await medianMs(7, () => funderReport(db, period, new Date())),
    };
  } finally {
    await db.$disconnect();
  }
}
