import { addDays, addMonths, type IsoDate } from '~/lib/time';
import { JUST_RELEASED_DAYS } from '~/domain/meetings/target';

export const SUPPORT_WITH = ['VOLUNTEER', 'PARTICIPANT'] as const;
export const SUPPORT_KINDS = ['PHONE', 'IN_PERSON', 'DIGITAL', 'OTHER'] as const;

/**
 * The coordinator's match-support contacts, as the mentoring standard asks: twice in the
 * pair's first month (after one and three weeks), then once a month. The `index`th date (0-based).
 */
export function supportContactDate(startDate: IsoDate, index: number): IsoDate {
  if (index === 0) return addDays(startDate, 7);
  if (index === 1) return addDays(startDate, 21);
  return addMonths(startDate, index);
}

/** The first `count` dates of the schedule. */
export function supportSchedule(startDate: IsoDate, count: number): IsoDate[] {
  return Array.from({ length: count }, (_, index) => supportContactDate(startDate, index));
}

/**
 * The first 30 days after the participant's release (#21) tighten the cadence: a contact is due
 * `intervalDays` (the justReleasedSupportIntervalDays setting, weekly by default) after the
 * later of the release date and the last contact held, while that day is within the 30 days.
 */
export interface JustReleasedSupport {
  releaseDate: IsoDate;
  intervalDays: number;
  lastHeldOn: IsoDate | null;
}

/**
 * The next scheduled contact not yet covered by a held one (held ones count in order), and
 * whether it is due; in the first 30 days out the weekly one when it comes sooner.
 */
export function nextSupportContact(
  startDate: IsoDate,
  heldCount: number,
  today: IsoDate,
  justReleased?: JustReleasedSupport | null,
): { dueDate: IsoDate; due: boolean } {
  const scheduled = supportContactDate(startDate, heldCount);
  const weekly = justReleased ? justReleasedSupportDate(justReleased) : null;
  const dueDate = weekly && weekly < scheduled ? weekly : scheduled;
  return { dueDate, due: dueDate <= today };
}

/** The weekly contact date of the first 30 days out, or null once it would fall after them. */
export function justReleasedSupportDate(input: JustReleasedSupport): IsoDate | null {
  const from = input.lastHeldOn && input.lastHeldOn > input.releaseDate ? input.lastHeldOn : input.releaseDate;
  const due = addDays(from, input.intervalDays);
  return due <= addDays(input.releaseDate, JUST_RELEASED_DAYS - 1) ? due : null;
}

/** The short fit check is due one month after the start, once. */
export function fitCheckDue(startDate: IsoDate, hasFitCheck: boolean, today: IsoDate): boolean {
  return !hasFitCheck && addMonths(startDate, 1) <= today;
}
