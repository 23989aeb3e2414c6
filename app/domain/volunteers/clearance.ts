import { addDays, type IsoDate } from '~/lib/time';

/** A volunteer's visitor clearance for one prison (#21): applied, cleared (null while pending), expires (null = never). */
export interface Clearance {
  prison: string;
  appliedOn: IsoDate;
  clearedOn: IsoDate | null;
  expiresOn: IsoDate | null;
}

/** Whether the clearance lets its volunteer visit `prison` on `date`: cleared on or before it, not expired. */
export function clearanceValidOn(clearance: Clearance, prison: string, date: IsoDate): boolean {
  if (clearance.prison.trim().toLocaleLowerCase('nb') !== prison.trim().toLocaleLowerCase('nb')) return false;
  if (clearance.clearedOn === null || clearance.clearedOn > date) return false;
  return clearance.expiresOn === null || date <= clearance.expiresOn;
}

/** Whether any of a volunteer's clearances covers a prison visit at `prison` on `date`. */
export function hasValidClearance(clearances: readonly Clearance[], prison: string, date: IsoDate): boolean {
  return clearances.some((clearance) => clearanceValidOn(clearance, prison, date));
}

/** The default lookahead for expiring clearances in the reminders, in days. */
export const CLEARANCE_EXPIRY_WARNING_DAYS = 30;

/** A cleared clearance that is still valid today and expires within `days` days (the reminders list it). */
export function clearanceExpiresSoon(clearance: Clearance, today: IsoDate, days = CLEARANCE_EXPIRY_WARNING_DAYS): boolean {
  if (clearance.clearedOn === null || clearance.expiresOn === null) return false;
  return clearance.expiresOn >= today && clearance.expiresOn <= addDays(today, days);
}

/**
 * The matching warning: the volunteer has no clearance for the participant's prison valid today,
 * and the release (the date in force) is closer than the lead time a clearance takes — there may
 * be no prison visit before the release.
 */
export function clearanceTooLate(input: {
  clearances: readonly Clearance[];
  prison: string;
  releaseDate: IsoDate;
  today: IsoDate;
  leadWeeks: number;
}): boolean {
  if (hasValidClearance(input.clearances, input.prison, input.today)) return false;
  return input.releaseDate < addDays(input.today, input.leadWeeks * 7);
}
