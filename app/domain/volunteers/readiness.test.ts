import { describe, expect, it } from 'vitest';
import {
  assessReadiness,
  boardStage,
  certificateProblem,
  isStuck,
  requiredTrainingHours,
  type ReadinessInput,
  type ReadinessStep,
} from './readiness';
import { statusFor } from './status';

const complete: ReadinessInput = {
  interviews: [{ outcome: 'APPROVED' }],
  references: [{ outcome: 'POSITIVE' }, { outcome: 'POSITIVE' }],
  certificates: [{ issueDate: '2026-10-01', shownDate: '2026-10-10' }],
  courses: [{ requiredHours: 6, attendedHours: 6 }],
  minTrainingHoursBeforeMatch: 2,
};

describe('the readiness rule', () => {
  it('is ready when every step is done', () => {
    expect(assessReadiness(complete)).toMatchObject({ ready: true, missing: [] });
  });

  const cases: [ReadinessStep, Partial<ReadinessInput>][] = [
    ['interview', { interviews: [{ outcome: 'FOLLOW_UP' }] }],
    ['interview', { interviews: [{ outcome: 'APPROVED' }, { outcome: 'NOT_APPROVED' }] }],
    ['references', { references: [{ outcome: 'POSITIVE' }, { outcome: 'PENDING' }] }],
    ['references', { references: [{ outcome: 'POSITIVE' }, { outcome: 'POSITIVE' }, { outcome: 'NEGATIVE' }] }],
    ['certificate', { certificates: [] }],
    ['certificate', { certificates: [{ issueDate: '2026-06-01', shownDate: '2026-09-02' }] }],
    ['training', { courses: [{ requiredHours: 6, attendedHours: 5.5 }] }],
    ['training', { courses: [{ requiredHours: 1, attendedHours: 1 }] }],
  ];
  it.each(cases)('misses %s with %j', (step, override) => {
    const readiness = assessReadiness({ ...complete, ...override });
    expect(readiness.ready).toBe(false);
    expect(readiness.missing).toEqual([step]);
  });
});

describe('the police certificate age rule', () => {
  it('accepts a certificate shown exactly three months after issue and refuses one a day older', () => {
    expect(certificateProblem({ issueDate: '2026-08-22', shownDate: '2026-11-22', today: '2026-11-22' })).toBeNull();
    expect(certificateProblem({ issueDate: '2026-08-21', shownDate: '2026-11-22', today: '2026-11-22' })).toBe('tooOld');
    // At a month's end three months back is the last day of a shorter month.
    expect(certificateProblem({ issueDate: '2027-09-30', shownDate: '2027-12-31', today: '2027-12-31' })).toBeNull();
    expect(certificateProblem({ issueDate: '2027-09-29', shownDate: '2027-12-31', today: '2027-12-31' })).toBe('tooOld');
  });

  it('refuses a shown date in the future and an issue date after the shown date', () => {
    expect(certificateProblem({ issueDate: '2026-11-01', shownDate: '2026-11-23', today: '2026-11-22' })).toBe('shownInFuture');
    expect(certificateProblem({ issueDate: '2026-11-10', shownDate: '2026-11-09', today: '2026-11-22' })).toBe('issuedAfterShown');
  });
});

describe('the board stage and status', () => {
  const readiness = assessReadiness({ ...complete, certificates: [] });

  it('places a screened volunteer without a certificate in the certificate stage', () => {
    expect(boardStage({ status: 'SCREENING', readiness, hasInterview: true, openPairs: 0 })).toBe('certificate');
    expect(boardStage({ status: 'APPLIED', readiness, hasInterview: false, openPairs: 0 })).toBe('applied');
    expect(boardStage({ status: 'READY', readiness: assessReadiness(complete), hasInterview: true, openPairs: 1 })).toBe('matched');
    expect(boardStage({ status: 'PAUSED', readiness, hasInterview: true, openPairs: 0 })).toBe('paused');
  });

  it('keeps PAUSED and LEFT, and follows readiness otherwise', () => {
    expect(statusFor('PAUSED', { ready: true, screeningStarted: true })).toBe('PAUSED');
    expect(statusFor('APPLIED', { ready: false, screeningStarted: false })).toBe('APPLIED');
    expect(statusFor('APPLIED', { ready: false, screeningStarted: true })).toBe('SCREENING');
    expect(statusFor('SCREENING', { ready: true, screeningStarted: true })).toBe('READY');
    expect(statusFor('READY', { ready: false, screeningStarted: true })).toBe('SCREENING');
  });

  it('calls a volunteer stuck after more than 14 days in a working stage only', () => {
    expect(isStuck('screening', 15)).toBe(true);
    expect(isStuck('screening', 14)).toBe(false);
    expect(isStuck('ready', 40)).toBe(false);
  });
});

describe("the training step states the course's hours", () => {
  it("asks for the enrolled course's required hours, never less than the programme minimum", () => {
    expect(requiredTrainingHours([{ requiredHours: 6 }], 2)).toBe(6);
    expect(requiredTrainingHours([{ requiredHours: 6 }, { requiredHours: 8 }], 2)).toBe(6);
    expect(requiredTrainingHours([{ requiredHours: 1 }], 2)).toBe(2);
    expect(requiredTrainingHours([], 2)).toBeNull();
  });
});
