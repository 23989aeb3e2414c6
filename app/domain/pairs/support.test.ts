import { describe, expect, it } from 'vitest';
import { participantStatusAfterClosure } from './closure';
import { fitCheckDue, justReleasedSupportDate, nextSupportContact, supportContactDate, supportSchedule } from './support';

describe('match support', () => {
  it('schedules two contacts in the first month, then one a month', () => {
    expect(supportSchedule('2026-01-10', 5)).toEqual(['2026-01-17', '2026-01-31', '2026-03-10', '2026-04-10', '2026-05-10']);
    expect(supportContactDate('2026-01-31', 37)).toBe('2029-02-28');
  });
  it('counts held contacts against the schedule', () => {
    expect(nextSupportContact('2026-01-10', 0, '2026-01-16')).toEqual({ dueDate: '2026-01-17', due: false });
    expect(nextSupportContact('2026-01-10', 1, '2026-02-02')).toEqual({ dueDate: '2026-01-31', due: true });
    expect(nextSupportContact('2026-01-10', 2, '2026-02-02')).toEqual({ dueDate: '2026-03-10', due: false });
  });
  it('makes the fit check due one month after the start, once', () => {
    expect(fitCheckDue('2026-01-10', false, '2026-02-09')).toBe(false);
    expect(fitCheckDue('2026-01-10', false, '2026-02-10')).toBe(true);
    expect(fitCheckDue('2026-01-10', true, '2026-03-10')).toBe(false);
  });
});

describe('closure', () => {
  it('completes, withdraws or returns the participant to the waiting list', () => {
    expect(participantStatusAfterClosure('PLANNED', 'PLAN_COMPLETED')).toBe('COMPLETED');
    expect(participantStatusAfterClosure('UNPLANNED', 'PARTICIPANT_WITHDREW')).toBe('WITHDRAWN');
    expect(participantStatusAfterClosure('UNPLANNED', 'OTHER')).toBe('WITHDRAWN');
    expect(participantStatusAfterClosure('PLANNED', 'OTHER')).toBe('COMPLETED');
    expect(participantStatusAfterClosure('UNPLANNED', 'REMATCHED')).toBe('ACCEPTED');
  });

  it('is weekly in the first 30 days after release', () => {
    // A pair from January; the monthly contact after three held is due 10 April.
    expect(nextSupportContact('2026-01-10', 3, '2026-03-20')).toEqual({ dueDate: '2026-04-10', due: false });
    const released = { releaseDate: '2026-03-14', intervalDays: 7, lastHeldOn: null };
    expect(nextSupportContact('2026-01-10', 3, '2026-03-20', released)).toEqual({ dueDate: '2026-03-21', due: false });
    expect(nextSupportContact('2026-01-10', 3, '2026-03-21', released)).toEqual({ dueDate: '2026-03-21', due: true });
    // Counted from the last held contact; none due past the 30 days (14 March + 29 = 12 April).
    expect(justReleasedSupportDate({ ...released, lastHeldOn: '2026-03-22' })).toBe('2026-03-29');
    expect(justReleasedSupportDate({ ...released, lastHeldOn: '2026-04-06' })).toBeNull();
    expect(nextSupportContact('2026-01-10', 4, '2026-04-07', { ...released, lastHeldOn: '2026-04-06' }).dueDate).toBe('2026-05-10');
    // Month end: released 31 January, weekly dates run into February.
    expect(justReleasedSupportDate({ releaseDate: '2026-01-31', intervalDays: 7, lastHeldOn: '2026-02-25' })).toBeNull();
    expect(justReleasedSupportDate({ releaseDate: '2026-01-31', intervalDays: 7, lastHeldOn: '2026-02-21' })).toBe('2026-02-28');
  });
});
