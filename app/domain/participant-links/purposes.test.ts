import { describe, expect, it } from 'vitest';
import { answerSchema, closureSurveyDue, fitCheckDue, isLowPulse, meanScore, pulseRound } from './purposes';

describe('pulse rounds', () => {
  it('are due every interval from the start, counted in calendar days', () => {
    expect(pulseRound('2027-01-04', '2027-01-03', 6)).toBe(0);
    expect(pulseRound('2027-01-04', '2027-02-14', 6)).toBe(0);
    expect(pulseRound('2027-01-04', '2027-02-15', 6)).toBe(1);
    expect(pulseRound('2027-01-04', '2027-03-28', 6)).toBe(1);
    expect(pulseRound('2027-01-04', '2027-03-29', 6)).toBe(2);
    // Across 29 February and the spring DST Sunday: days, not hours.
    expect(pulseRound('2028-01-18', '2028-02-29', 6)).toBe(1);
    expect(pulseRound('2027-02-15', '2027-03-29', 6)).toBe(1);
  });
});

describe('a low pulse', () => {
  it('is a mean at or under the threshold, or any item at 1', () => {
    expect(isLowPulse({ trust: 2, myChoice: 2, lookForward: 2, listens: 2, helpsPlan: 2 }, 2)).toBe(true);
    expect(isLowPulse({ trust: 3, myChoice: 2, lookForward: 2, listens: 2, helpsPlan: 2 }, 2)).toBe(false);
    expect(isLowPulse({ trust: 1, myChoice: 5, lookForward: 5, listens: 5, helpsPlan: 5 }, 2)).toBe(true);
    expect(isLowPulse({}, 2)).toBe(false);
    expect(meanScore({ trust: 4, myChoice: 3, lookForward: 5, listens: 4, helpsPlan: 3 })).toBe(3.8);
  });
});

describe('due windows', () => {
  it('offers the fit check from one month to three months in, and the closure survey for a month', () => {
    expect(fitCheckDue('2027-01-31', '2027-02-27')).toBe(false);
    expect(fitCheckDue('2027-01-31', '2027-02-28')).toBe(true);
    expect(fitCheckDue('2027-01-31', '2027-04-30')).toBe(false);
    expect(closureSurveyDue('2027-02-08', '2027-02-08')).toBe(true);
    expect(closureSurveyDue('2027-02-08', '2027-03-08')).toBe(false);
  });
});

describe('the answer form', () => {
  it('wants every item as a whole number 1-5 and keeps the comment optional', () => {
    expect(answerSchema('FIT_CHECK').safeParse({ fitGood: '4' }).success).toBe(true);
    expect(answerSchema('FIT_CHECK').safeParse({ fitGood: '6' }).success).toBe(false);
    expect(answerSchema('FIT_CHECK').safeParse({ fitGood: '2.5' }).success).toBe(false);
    expect(answerSchema('PULSE').safeParse({ trust: '4' }).success).toBe(false);
  });
});
