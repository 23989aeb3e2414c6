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
 * A typed amount in kroner as øre, or null when it is no amount. Both ways of writing it are
 * read: "12 345,50" and "12345,5" (bokmål), "12,345.50" (English). A group of three digits after
 * a comma or point is thousands, one or two digits at the end are øre (kroner have no third decimal).
 */
export function parseNokAmount(text: string): number | null {
  const compact = text
    .replace(/[\s\u00a0\u202f]/g, '')
    .replace(/^(kr|nok)|(kr|nok)$/i, '')
    .replace(/[.,]-$/, '');
  if (!/^\d+([.,]\d+)*$/.test(compact)) return null;
  const groups = compact.split(/[.,]/);
  const decimals = groups.length > 1 && groups[groups.length - 1]!.length <= 2 ? groups.pop()! : '';
  const [first, ...thousands] = groups;
  if (thousands.some((group) => group.length !== 3) || (thousands.length > 0 && first!.length > 3)) return null;
  const kroner = [first, ...thousands].join('');
  if (kroner.length > 12) return null;
  const ore = Number(kroner) * 100 + Number(decimals.padEnd(2, '0'));
  return ore > 0 && ore <= MAX_COST_ORE ? ore : null;
}

/** The half-years a cost may be recorded for: the current one and the five before it, newest first. */
export function costHalfYears(now: Date): HalfYearKey[] {
  const choices = [halfYearOf(now)];
  while (choices.length < 6) choices.push(previousHalfYear(choices[choices.length - 1]!));
  return choices;
}
