import { describe, expect, it } from 'vitest';
import { kaplanMeier, median, medianSurvival, survivalAt } from './survival';

describe('Kaplan–Meier survival of matches', () => {
  it('counts ongoing pairs as censored, not as short ones', () => {
    // Ended after 30, 100 and 200 days; ongoing at 50 and 400 days.
    const steps = kaplanMeier([
      { days: 30, ended: true },
      { days: 50, ended: false },
      { days: 100, ended: true },
      { days: 200, ended: true },
      { days: 400, ended: false },
    ]);
    expect(steps.map((step) => [step.day, step.atRisk])).toEqual([
      [30, 5],
      [100, 3],
      [200, 2],
    ]);
    expect(survivalAt(steps, 29)).toBe(1);
    expect(survivalAt(steps, 99)).toBeCloseTo(0.8);
    expect(survivalAt(steps, 183)).toBeCloseTo(0.8 * (2 / 3));
    expect(survivalAt(steps, 365)).toBeCloseTo(0.8 * (2 / 3) * 0.5);
    expect(medianSurvival(steps)).toBe(200);
    expect(median([3, 1, 2, 10])).toBe(2.5);
    expect(median([])).toBeNull();
  });
});
