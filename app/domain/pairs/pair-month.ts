import {
  activeDaysInMonth,
  holdDaysInMonth,
  holdOn,
  pairMonthTarget,
  type HoldSpan,
  type PairForTarget,
  type TargetRates,
} from '~/domain/meetings/target';
import { addDays, daysBetween, monthBounds, monthRange, todayInOslo, type IsoDate, type MonthKey } from '~/lib/time';

export type Health = 'GREEN' | 'AMBER' | 'RED';

/** Days without a held meeting before a pair needs the coordinator's attention. */
export const QUIET_DAYS_LIMIT = 14;
/** Meetings short of the expectation to date that turn a pair from amber to red. */
export const RED_SHORTFALL = 2;

/**
 * A pair's month as the verdict reads it: the pair's dates, its holds (ON_HOLD spans: their days
 * carry no target, and no alert is raised while on hold) and the participant's release date in
 * force (the raised target of the first 30 days out, #21), all required (PairForTarget).
 */
export interface PairMonthInput extends PairForTarget {
  /** The instant the month is judged at; "today" is its Oslo calendar day. */
  now: Date;
  month: MonthKey;
  /** The meetingsPerMonth and justReleasedMeetingsPerMonth settings (targetRates). */
  rates: TargetRates;
  held: number;
  lastHeldDate?: IsoDate | null;
  openConcerns?: number;
}

export interface PairMonthVerdict {
  /** The month's target, prorated for the pair's first and last month. */
  target: number;
  /** Meetings expected by today: target × the elapsed share of the pair's days in the month (one decimal). */
  expected: number;
  /** Whole meetings expected by today (rounded down): the pair is behind when fewer are held. */
  expectedWhole: number;
  /** Whole meetings short of expectedWhole, never below zero. */
  shortfall: number;
  behind: boolean;
  /** The whole month's target is reached. */
  onTarget: boolean;
  /** The pair is on hold today: no "behind" and no inactivity alert. */
  onHold: boolean;
  /** No meeting held for more than QUIET_DAYS_LIMIT days (counted from the start or the last resume); never while on hold. */
  quiet: boolean;
  health: Health;
}

/**
 * The share of a pair's days in `month` that are over by `today`: the days before today (an
 * Oslo calendar day counts once it is over), out of the pair's active days in the month. 0 on
 * the month's first day, 1 once the month (or the pair) is over. Calendar days, so DST Sundays
 * (23 or 25 hours) and 29 February count as one day each.
 */
export function elapsedShareOfMonth(
  month: MonthKey,
  today: IsoDate,
  startDate: IsoDate,
  endDate?: IsoDate | null,
  holds: readonly HoldSpan[] = [],
): number {
  const active = activeDaysInMonth(month, startDate, endDate, holds);
  if (active === 0) return 0;
  const { first, last } = monthBounds(month);
  if (today <= first) return 0;
  if (today > last) return 1;
  const yesterday = addDays(today, -1);
  const elapsed = activeDaysInMonth(month, startDate, endDate && endDate < yesterday ? endDate : yesterday, holds);
  return elapsed / active;
}

/**
 * The one judgement of a pair's month, used by the dashboard, /pairs, the weekly digest and the
 * monthly summary. Everything is measured against the expectation TO DATE, so on the 1st of a
 * month no pair is behind:
 * - red: an open concern, no meeting held for more than 14 days, or RED_SHORTFALL or more
 *   meetings short of what is expected by today;
 * - amber: one meeting short of what is expected by today;
 * - green: on pace (or ahead).
 */
export function pairMonthVerdict(input: PairMonthInput): PairMonthVerdict {
  const today = todayInOslo(input.now);
  const holds = input.holds;
  const target = pairMonthTarget(input.rates, input, input.month);
  const raw = target * elapsedShareOfMonth(input.month, today, input.startDate, input.endDate, holds);
  // A hair of tolerance so that 4 × 31/31 is 4, not 3.9999.
  const expectedWhole = Math.floor(raw + 1e-9);
  const onHold = holdOn(today, holds) !== null;
  const shortfall = onHold ? 0 : Math.max(0, expectedWhole - input.held);
  // Quiet days count from the last held meeting, the start, or the day the pair last resumed.
  const resumed = holds.reduce<IsoDate | null>(
    (latest, hold) => (hold.untilDate && (!latest || hold.untilDate > latest) ? hold.untilDate : latest),
    null,
  );
  const candidates = [input.lastHeldDate ?? input.startDate, resumed].filter((date): date is IsoDate => date !== null);
  const quietSince = candidates.reduce((latest, date) => (date > latest ? date : latest));
  const quiet = !onHold && quietSince <= today && daysBetween(quietSince, today) > QUIET_DAYS_LIMIT;
  const health: Health = (input.openConcerns ?? 0) > 0 || quiet || shortfall >= RED_SHORTFALL ? 'RED' : shortfall > 0 ? 'AMBER' : 'GREEN';
  return {
    target,
    expected: Math.round(raw * 10) / 10,
    expectedWhole,
    shortfall,
    behind: shortfall > 0,
    onTarget: input.held >= target,
    onHold,
    quiet,
    health,
  };
}

/**
 * A whole month that is over, judged once (the monthly compliance summary, the dashboard's last
 * month and the pair-months at target on /reports): `counted` among the months that reached or
 * missed their target, or apart when a hold touched it (`onHold`: never a missed month) or it had
 * no target at all.
 */
export function closedMonthVerdict(
  rates: TargetRates,
  pair: PairForTarget,
  month: MonthKey,
  held: number,
): { counted: boolean; onTarget: boolean; onHold: boolean } {
  const verdict = pairMonthVerdict({ ...pair, now: monthRange(month).end, month, rates, held });
  const onHold = holdDaysInMonth(month, pair.startDate, pair.endDate, pair.holds) > 0;
  const counted = verdict.target > 0 && !onHold;
  return { counted, onTarget: counted && verdict.onTarget, onHold };
}
