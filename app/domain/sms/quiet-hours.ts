import { addDays, osloDate, osloInstant, osloTime } from '~/lib/time';

export interface QuietHours {
  /** Oslo hour (0–23) the quiet starts, e.g. 21. */
  startHour: number;
  /** Oslo hour (0–23) it ends, e.g. 8. Equal to startHour: no quiet hours. */
  endHour: number;
}

/**
 * When a text due at `due` may go: at once outside the quiet hours, otherwise when they end
 * (in Oslo time, so across both DST changes 08:00 stays 08:00).
 */
export function firstAllowedSend(due: Date, quiet: QuietHours): Date {
  const { startHour, endHour } = quiet;
  if (startHour === endHour) return due;
  const hour = Number(osloTime(due).slice(0, 2));
  const wraps = startHour > endHour;
  const isQuiet = wraps ? hour >= startHour || hour < endHour : hour >= startHour && hour < endHour;
  if (!isQuiet) return due;
  const today = osloDate(due);
  const endDate = wraps && hour >= startHour ? addDays(today, 1) : today;
  return osloInstant(endDate, `${String(endHour).padStart(2, '0')}:00`);
}
