import { halfYearOf, previousHalfYear, type HalfYearKey } from '~/lib/time';

/** What a programme cost is for (#22): the categories of the cost form, in the form's order. */
export const COST_CATEGORIES = ['STAFF', 'PREMISES', 'TRAVEL', 'ACTIVITIES', 'TRAINING', 'OTHER'] as const;
export type CostCategory = (typeof COST_CATEGORIES)[number];

export function isCostCategory(value: string): value is CostCategory {
  return (COST_CATEGORIES as readonly string[]).includes(value);
}

/** The most one entry may be: 100 million kroner, in øre (well inside SQLite's and PostgreSQL's integers). */
export const MAX_COST_ORE = 100_000_000 * 100;

/**
 * A typed amount in kroner as øre, or null when it is no amount: "12 345,50", "12345.5",
 * "12 345" (spaces, no-break spaces and a decimal comma or point; at most two decimals).
 */
export function parseNokAmount(text: string): number | null {
  const compact = text.replace(/[\s\u00a0\u202f]/g, '').replace(/kr$|^kr|^nok|nok$/i, '');
  const match = /^(\d{1,9})(?:[,.](\d{1,2}))?$/.exec(compact);
  if (!match) return null;
  const ore = Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
  return ore > 0 && ore <= MAX_COST_ORE ? ore : null;
}

/** The half-years a cost may be recorded for: the current one and the five before it, newest first. */
export function costHalfYears(now: Date): HalfYearKey[] {
  const choices = [halfYearOf(now)];
  while (choices.length < 6) choices.push(previousHalfYear(choices[choices.length - 1]!));
  return choices;
}
