import { addDays, addMonths, type IsoDate } from '~/lib/time';

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

/** The next scheduled contact not yet covered by a held one (held ones count in order), and whether it is due. */
export function nextSupportContact(startDate: IsoDate, heldCount: number, today: IsoDate): { dueDate: IsoDate; due: boolean } {
  const dueDate = supportContactDate(startDate, heldCount);
  return { dueDate, due: dueDate <= today };
}

/** The short fit check is due one month after the start, once. */
export function fitCheckDue(startDate: IsoDate, hasFitCheck: boolean, today: IsoDate): boolean {
  return !hasFitCheck && addMonths(startDate, 1) <= today;
}
