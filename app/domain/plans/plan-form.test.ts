import { describe, expect, it } from 'vitest';
import { errorMessage } from '~/lib/form-errors';
import { addDays, todayInOslo } from '~/lib/time';
import { planAreaContent, planAreaSchema, reviewSchema } from './plan-form';

function issues(result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) {
  return (result.error?.issues ?? []).map((issue) => ({ path: issue.path.join('.'), message: issue.message }));
}

describe('an own plan area', () => {
  it('needs a name once something is written in it', () => {
    const result = planAreaSchema.safeParse({ areaKey: 'custom:abc123', future: 'Få lappen' });
    expect(issues(result)).toEqual([{ path: 'title', message: errorMessage('plans.titleRequired') }]);
    expect(planAreaSchema.safeParse({ areaKey: 'custom:abc123', title: 'Bil', future: 'Få lappen' }).success).toBe(true);
  });

  it('may stay empty and nameless (it is left out), as a standard area needs no name', () => {
    expect(planAreaSchema.safeParse({ areaKey: 'custom:new' }).success).toBe(true);
    expect(planAreaSchema.safeParse({ areaKey: 'NETWORK', future: 'Venner' }).success).toBe(true);
  });

  it('has a key of a standard area or of an own one, nothing else', () => {
    expect(planAreaSchema.safeParse({ areaKey: 'custom:Not-Valid' }).success).toBe(false);
    expect(planAreaSchema.safeParse({ areaKey: 'SOMETHING' }).success).toBe(false);
  });

  it('is saved with empty columns as null and goods as chosen', () => {
    const parsed = planAreaSchema.parse({ areaKey: 'NETWORK', goods: ['JOY'] });
    expect(planAreaContent(parsed)).toEqual({
      areaKey: 'NETWORK',
      title: null,
      future: null,
      goods: ['JOY'],
      strengths: null,
      opportunities: null,
      barriers: null,
      coping: null,
    });
  });
});

describe('a review’s date', () => {
  const review = (reviewedOn: string) =>
    reviewSchema.safeParse({ intent: 'review', reviewedOn, items: [{ areaKey: 'NETWORK', status: 'IN_PROGRESS' }] });

  it('is today or earlier (Oslo), never in the future', () => {
    expect(review(todayInOslo()).success).toBe(true);
    expect(review(addDays(todayInOslo(), -40)).success).toBe(true);
    expect(issues(review(addDays(todayInOslo(), 1)))).toEqual([{ path: 'reviewedOn', message: errorMessage('plans.reviewInFuture') }]);
  });
});
