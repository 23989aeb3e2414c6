import { z } from 'zod';
import { currentTime } from '~/lib/clock';
import { todayInOslo } from '~/lib/time';
import { RELEASE_WINDOWS, releaseRange } from '~/domain/participants/release-window';
import { matchingOverviewView, withClearanceWarnings } from './matching.server';
import { WAITING_SORTS } from './waiting-list';

/** Waiting participants on one page of /matching; the assignment is always over the whole list. */
export const WAITING_PAGE_SIZE = 50;

/** The waiting list's filters from the query string; anything unreadable is simply no filter. */
const waitingFilterSchema = z.object({
  prison: z.string().trim().max(200).optional().catch(undefined),
  municipality: z.string().trim().max(200).optional().catch(undefined),
  release: z.enum(RELEASE_WINDOWS).optional().catch(undefined),
  language: z.string().trim().max(100).optional().catch(undefined),
  interest: z.string().trim().max(100).optional().catch(undefined),
  sort: z.enum(WAITING_SORTS).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).catch(1).default(1),
});
export type WaitingFilters = z.infer<typeof waitingFilterSchema>;

export function waitingFiltersFromUrl(url: URL): WaitingFilters {
  return waitingFilterSchema.parse(Object.fromEntries([...url.searchParams].filter(([, value]) => value.trim() !== '')));
}

/** Whether any filter narrows the list (a sort alone does not). */
export function isWaitingListFiltered(filters: WaitingFilters): boolean {
  return Boolean(filters.prison || filters.municipality || filters.release || filters.language || filters.interest);
}

const sortedSet = (values: Iterable<string>) => [...new Set(values)].sort((a, b) => a.localeCompare(b, 'nb'));

/**
 * One page of the waiting list (the kept matching overview: every participant accepted and
 * without a running pair, with their suggestion and their place in the assignment), narrowed by
 * prison, municipality after release, release window, a language or an interest, sorted by
 * release date (the default) or by how long they have waited (since they were accepted). The
 * filters' choices come from the whole list; the count is of the rows that match.
 */
export async function waitingListPage(filters: WaitingFilters, now = currentTime()) {
  const { data: overview, computedAt } = await matchingOverviewView(now);
  const all = overview.waiting;
  const release = filters.release ? releaseRange(filters.release, todayInOslo(now)) : undefined;
  let rows = all.filter(
    (row) =>
      (!filters.prison || row.prison === filters.prison) &&
      (!filters.municipality || row.municipality === filters.municipality) &&
      (!release || (row.release >= release.from && row.release <= release.to)) &&
      (!filters.language || row.languages.includes(filters.language)) &&
      (!filters.interest || row.interests.includes(filters.interest)),
  );
  // The overview is in release order already; the id breaks ties of the waiting time.
  if (filters.sort === 'waiting') {
    rows = [...rows].sort((a, b) => a.waitingSince.localeCompare(b.waitingSince) || a.id.localeCompare(b.id));
  }
  const pages = Math.max(1, Math.ceil(rows.length / WAITING_PAGE_SIZE));
  const page = Math.min(filters.page, pages);
  return {
    filters: { ...filters, page },
    computedAt,
    assignmentTotal: overview.assignmentTotal,
    total: rows.length,
    page,
    pages,
    waiting: await withClearanceWarnings(rows.slice((page - 1) * WAITING_PAGE_SIZE, page * WAITING_PAGE_SIZE), now),
    options: {
      prisons: sortedSet(all.map((row) => row.prison)),
      municipalities: sortedSet(all.map((row) => row.municipality)),
      languages: sortedSet(all.flatMap((row) => row.languages)),
      interests: sortedSet(all.flatMap((row) => row.interests)),
    },
  };
}
