import type { Tx } from '~/lib/db.server';
import type { IsoDate } from '~/lib/time';
import { getSetting } from '~/domain/settings/settings.server';
import { releaseDateInForce, type ReleaseDates } from '~/domain/participants/release-date';
import type { HoldSpan, PairForTarget, TargetRates } from './target';

/** The settings every month's target reads (pairMonthTarget). */
export async function targetRates(db: Tx): Promise<TargetRates> {
  const [perMonth, justReleasedPerMonth] = await Promise.all([
    getSetting(db, 'meetingsPerMonth'),
    getSetting(db, 'justReleasedMeetingsPerMonth'),
  ]);
  return { perMonth, justReleasedPerMonth };
}

/** Ids per query: far below SQLite's and PostgreSQL's bound-parameter limits at national scale. */
const PAIR_IDS_PER_QUERY = 500;

/** The holds of some pairs, oldest first, as spans per pair (for the month's target). */
export async function holdSpansByPair(db: Tx, pairIds: readonly string[]): Promise<Map<string, HoldSpan[]>> {
  const spans = new Map<string, HoldSpan[]>();
  for (let from = 0; from < pairIds.length; from += PAIR_IDS_PER_QUERY) {
    const rows = await db.pairHold.findMany({
      where: { pairId: { in: pairIds.slice(from, from + PAIR_IDS_PER_QUERY) } },
      orderBy: [{ fromDate: 'asc' }, { id: 'asc' }],
      select: { pairId: true, fromDate: true, untilDate: true },
    });
    for (const row of rows) spans.set(row.pairId, [...(spans.get(row.pairId) ?? []), { fromDate: row.fromDate, untilDate: row.untilDate }]);
  }
  return spans;
}

/** The participant's release columns, as a Prisma select for pairsForTarget's input. */
export const RELEASE_FIELDS = { earliestReleaseDate: true, expectedReleaseDate: true, actualReleaseDate: true } as const;

/**
 * Started pairs with what their months' targets read (pairMonthTarget): their dates, their holds
 * (read in batches) and the participant's release date in force.
 */
export async function pairsForTarget<
  P extends { id: string; startDate: IsoDate | null; endDate: IsoDate | null; participant: ReleaseDates },
>(db: Tx, pairs: readonly P[]): Promise<(P & { forTarget: PairForTarget })[]> {
  const holds = await holdSpansByPair(
    db,
    pairs.map((pair) => pair.id),
  );
  return pairs.flatMap((pair) =>
    pair.startDate
      ? [
          {
            ...pair,
            forTarget: {
              startDate: pair.startDate,
              endDate: pair.endDate,
              holds: holds.get(pair.id) ?? [],
              releaseDate: releaseDateInForce(pair.participant),
            },
          },
        ]
      : [],
  );
}
