import { alertMissedFirstWeekContacts } from '~/domain/pairs/first-week.server';
import type { JobDefinition } from './job';

/** Just after each Oslo midnight, when a day is over: alerts the coordinators once per day 0/1/3/7 target missed. */
export const firstWeekContactsJob: JobDefinition = {
  name: 'first-week-contacts',
  cron: '5 0 * * *',
  leaseMs: 5 * 60 * 1000,
  run: ({ db, now }) => alertMissedFirstWeekContacts(db, now),
};
