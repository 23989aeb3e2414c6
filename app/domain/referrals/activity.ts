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
  const last = until && monthOf(until) > months[months.length - 1] ? monthOf(until) : months[months.length - 1];
  const result: MonthCount[] = [];
  for (let month = months[0]; month <= last; month = shiftMonth(month, 1)) {
    result.push({ month, held: counts.get(month) ?? 0 });
  }
  return result;
}
