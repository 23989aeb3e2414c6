import { monthOf, shiftMonth, type MonthKey } from '~/lib/time';

export interface MonthCount {
  month: MonthKey;
  held: number;
}

/**
 * Meetings held per Oslo calendar month, oldest first, with the empty months in between, so a
 * referrer sees a gap as a gap. Counts only: no dates, places or notes.
 */
export function countPerMonth(instants: readonly Date[], until?: Date): MonthCount[] {
  if (instants.length === 0) return [];
  const counts = new Map<MonthKey, number>();
  for (const instant of instants) counts.set(monthOf(instant), (counts.get(monthOf(instant)) ?? 0) + 1);
  const months = [...counts.keys()].sort();
  const first = months[0];
  const latest = months.at(-1);
  if (first === undefined || latest === undefined) return [];
  const last = until && monthOf(until) > latest ? monthOf(until) : latest;
  const result: MonthCount[] = [];
  for (let month = first; month <= last; month = shiftMonth(month, 1)) {
    result.push({ month, held: counts.get(month) ?? 0 });
  }
  return result;
}
