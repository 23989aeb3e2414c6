import { addDays, addMonths, type IsoDate } from '~/lib/time';

export const SUPPORT_WITH = ['VOLUNTEER', 'PARTICIPANT'] as const;
export const SUPPORT_KINDS = ['PHONE', 'IN_PERSON', 'DIGITAL', 'OTHER'] as const;

/**
 * The coordinator's match-support contacts, as the mentoring standard asks: twice in the
 * pair's first month (after one and three weeks), then once a month. The first `count` dates.
 */
export function supportSchedule(startDate: IsoDate, count: number): IsoDate[] {
  const dates = [addDays(startDate, 7), addDays(startDate, 21)];
  for (let months = 2; dates.length < count; months += 1) dates.push(addMonths(startDate, months));
  return dates.slice(0, count);
}

/** The next scheduled contact not yet covered by a held one (held ones count in order), and whether it is due. */
export function nextSupportContact(startDate: IsoDate, heldCount: number, today: IsoDate): { dueDate: IsoDate; due: boolean } {
  const dueDate = supportSchedule(startDate, heldCount + 1)[heldCount];
  return { dueDate, due: dueDate <= today };
}

/** The short fit check is due one month after the start, once. */
export function fitCheckDue(startDate: IsoDate, hasFitCheck: boolean, today: IsoDate): boolean {
  return !hasFitCheck && addMonths(startDate, 1) <= today;
}
