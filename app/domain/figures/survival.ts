/**
 * Kaplan–Meier survival of matches: the share of pairs still together after t days, over ended
 * pairs (an event on their last day) and ongoing ones (censored today, so a young pair does not
 * count as a short one). Pure, so the figures and their pinned test share it.
 */
export interface Spell {
  /** Days the pair lasted (ended) or has lasted so far (ongoing). */
  days: number;
  ended: boolean;
}

export interface SurvivalStep {
  day: number;
  /** Share still together after `day`. */
  surviving: number;
  atRisk: number;
}

/** Six and twelve months, in days (365.25 / 2 and 365.25, rounded). */
export const SIX_MONTHS_DAYS = 183;
export const TWELVE_MONTHS_DAYS = 365;

export function kaplanMeier(spells: readonly Spell[]): SurvivalStep[] {
  const days = [...new Set(spells.filter((spell) => spell.ended).map((spell) => spell.days))].sort((a, b) => a - b);
  const steps: SurvivalStep[] = [];
  let surviving = 1;
  for (const day of days) {
    const atRisk = spells.filter((spell) => spell.days >= day).length;
    const ended = spells.filter((spell) => spell.ended && spell.days === day).length;
    if (atRisk === 0) continue;
    surviving *= 1 - ended / atRisk;
    steps.push({ day, surviving, atRisk });
  }
  return steps;
}

/** The share still together after `day` (1 before the first ending). */
export function survivalAt(steps: readonly SurvivalStep[], day: number): number {
  let share = 1;
  for (const step of steps) if (step.day <= day) share = step.surviving;
  return share;
}

/** The first day by which half the pairs had ended, or null while more than half go on. */
export function medianSurvival(steps: readonly SurvivalStep[]): number | null {
  return steps.find((step) => step.surviving <= 0.5 + 1e-12)?.day ?? null;
}

/** The median of whole numbers (the mean of the middle two for an even count), null for none. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}
