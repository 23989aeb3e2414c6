import { describe, expect, it } from 'vitest';
import { SETTINGS } from '~/domain/settings/definitions';
import { osloInstant } from '~/lib/time';
import { releaseDateInForce } from './release-date';
import {
  confirmationAfter,
  daysBeforeFrom,
  isOverdue,
  mayUpdateItem,
  trackerDeadline,
  trackerRows,
  TRACKER_ITEMS,
  type DaysBefore,
} from './service-tracker';

const defaults = daysBeforeFrom(
  Object.fromEntries(Object.entries(SETTINGS).map(([key, definition]) => [key, definition.default])) as Parameters<
    typeof daysBeforeFrom
  >[0],
);

describe('a tracker deadline', () => {
  it('counts calendar days back from the release date, across month ends and leap days', () => {
    expect(trackerDeadline('2027-03-31', 30)).toBe('2027-03-01');
    expect(trackerDeadline('2027-03-01', 1)).toBe('2027-02-28');
    expect(trackerDeadline('2028-03-01', 1)).toBe('2028-02-29');
    expect(trackerDeadline('2027-01-10', 14)).toBe('2026-12-27');
    expect(trackerDeadline('2027-05-15', 0)).toBe('2027-05-15');
  });

  it('is a whole number of days before release across both daylight-saving changes', () => {
    // Spring forward on 28 March 2027, fall back on 31 October 2027: a day count, never 23 or 25 hours.
    expect(trackerDeadline('2027-04-04', 7)).toBe('2027-03-28');
    expect(trackerDeadline('2027-03-29', 2)).toBe('2027-03-27');
    expect(trackerDeadline('2027-11-01', 1)).toBe('2027-10-31');
    expect(trackerDeadline('2027-11-07', 14)).toBe('2027-10-24');
  });

  it('follows the release date in force: the actual date once recorded, so a moved release moves every deadline', () => {
    const expected = { expectedReleaseDate: '2027-04-15' };
    const moved = { expectedReleaseDate: '2027-04-15', actualReleaseDate: '2027-04-02' };
    const before = trackerRows([], releaseDateInForce(expected), defaults, osloInstant('2027-03-20', '12:00'));
    const after = trackerRows([], releaseDateInForce(moved), defaults, osloInstant('2027-03-20', '12:00'));
    expect(before.find((row) => row.item === 'PHONE')?.deadline).toBe('2027-04-08');
    expect(after.find((row) => row.item === 'PHONE')?.deadline).toBe('2027-03-26');
    // NAV (35 days) was in time for the 15 April release on 20 March; for 2 April it is overdue.
    expect(before.find((row) => row.item === 'NAV')).toMatchObject({ deadline: '2027-03-11', overdue: true });
    expect(after.find((row) => row.item === 'NAV')).toMatchObject({ deadline: '2027-02-26', overdue: true });
    expect(before.find((row) => row.item === 'PROBATION_APPOINTMENT')).toMatchObject({ deadline: '2027-04-01', overdue: false });
    expect(after.find((row) => row.item === 'PROBATION_APPOINTMENT')).toMatchObject({ deadline: '2027-03-19', overdue: true });
  });
});

describe('an overdue item', () => {
  it('is overdue from 00:00 Oslo the day after its deadline, also on a DST night', () => {
    // Deadline 27 March 2027; the clocks go forward in the night to the 28th.
    expect(isOverdue('OPEN', '2027-03-27', osloInstant('2027-03-27', '23:59'))).toBe(false);
    expect(isOverdue('OPEN', '2027-03-27', osloInstant('2027-03-28', '00:00'))).toBe(true);
    expect(isOverdue('OPEN', '2027-03-27', new Date('2027-03-27T22:59:00Z'))).toBe(false); // 23:59 CET
    expect(isOverdue('OPEN', '2027-03-27', new Date('2027-03-27T23:00:00Z'))).toBe(true); // 00:00 CET on the 28th
    // Deadline 30 October 2027; the clocks go back in the night to the 31st.
    expect(isOverdue('AGREED', '2027-10-30', new Date('2027-10-30T21:59:00Z'))).toBe(false); // 23:59 CEST
    expect(isOverdue('AGREED', '2027-10-30', new Date('2027-10-30T22:00:00Z'))).toBe(true); // 00:00 CEST on the 31st
  });

  it('is overdue at a month end and a year end in Oslo time, not UTC', () => {
    expect(isOverdue('OPEN', '2026-12-31', new Date('2026-12-31T22:30:00Z'))).toBe(false); // 23:30 on New Year's Eve
    expect(isOverdue('OPEN', '2026-12-31', new Date('2026-12-31T23:00:00Z'))).toBe(true); // 00:00 on 1 January
    expect(isOverdue('OPEN', '2027-02-28', osloInstant('2027-03-01', '00:01'))).toBe(true);
  });

  it('is never overdue once done or not needed', () => {
    expect(isOverdue('DONE', '2027-01-01', osloInstant('2027-06-01', '12:00'))).toBe(false);
    expect(isOverdue('NOT_NEEDED', '2027-01-01', osloInstant('2027-06-01', '12:00'))).toBe(false);
  });
});

describe('the tracker rows', () => {
  const daysBefore: DaysBefore = { ...defaults, NAV: 10 };

  it('lists every item in order, open with its default owner where nothing is recorded', () => {
    const rows = trackerRows(
      [{ item: 'NAV', status: 'DONE', ownerRole: null, note: 'Varslet', confirmedAt: '2027-01-02T10:00:00.000Z', confirmedByName: 'Ola' }],
      '2027-01-20',
      daysBefore,
      osloInstant('2027-01-15', '12:00'),
    );
    expect(rows.map((row) => row.item)).toEqual([...TRACKER_ITEMS]);
    expect(rows[0]).toMatchObject({
      item: 'NAV',
      status: 'DONE',
      owner: 'OFFICER',
      deadline: '2027-01-10',
      overdue: false,
      confirmedByName: 'Ola',
    });
    expect(rows.find((row) => row.item === 'BANK_ACCOUNT')).toMatchObject({ status: 'OPEN', owner: 'PARTICIPANT', confirmedAt: null });
  });

  it('keeps a chosen owner and reads an unknown status as open', () => {
    const rows = trackerRows(
      [{ item: 'GP', status: 'BOGUS', ownerRole: 'VOLUNTEER', note: null, confirmedAt: null }],
      '2027-01-20',
      daysBefore,
      osloInstant('2027-01-01', '12:00'),
    );
    expect(rows.find((row) => row.item === 'GP')).toMatchObject({ status: 'OPEN', owner: 'VOLUNTEER' });
  });
});

describe('who may change an item and who confirmed it', () => {
  it('lets the coordinator change any item, the officer and the volunteer only their own', () => {
    expect(mayUpdateItem('COORDINATOR', 'PARTICIPANT')).toBe(true);
    expect(mayUpdateItem('PROBATION_OFFICER', 'OFFICER')).toBe(true);
    expect(mayUpdateItem('PROBATION_OFFICER', 'COORDINATOR')).toBe(false);
    expect(mayUpdateItem('PROBATION_OFFICER', 'VOLUNTEER')).toBe(false);
    expect(mayUpdateItem('VOLUNTEER', 'VOLUNTEER')).toBe(true);
    expect(mayUpdateItem('VOLUNTEER', 'OFFICER')).toBe(false);
  });

  it('records the confirmer when an item becomes settled, keeps them while it stays so, and clears them when reopened', () => {
    const now = osloInstant('2027-01-05', '09:00');
    const earlier = osloInstant('2027-01-01', '09:00');
    expect(confirmationAfter(null, 'DONE', 'u1', now)).toEqual({ confirmedById: 'u1', confirmedAt: now });
    expect(confirmationAfter({ status: 'DONE', confirmedById: 'u0', confirmedAt: earlier }, 'DONE', 'u1', now)).toEqual({
      confirmedById: 'u0',
      confirmedAt: earlier,
    });
    expect(confirmationAfter({ status: 'DONE', confirmedById: 'u0', confirmedAt: earlier }, 'NOT_NEEDED', 'u1', now)).toEqual({
      confirmedById: 'u1',
      confirmedAt: now,
    });
    expect(confirmationAfter({ status: 'DONE', confirmedById: 'u0', confirmedAt: earlier }, 'AGREED', 'u1', now)).toEqual({
      confirmedById: null,
      confirmedAt: null,
    });
  });
});
