import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bestAssignment } from './assignment';

/** The best total by trying every way to give each participant a distinct slot or none. */
function bruteForce(weights: (number | null)[][], slotCount: number, minScore: number): number {
  const usable = (w: number | null) => (w !== null && w >= minScore ? w : 0);
  const rec = (i: number, used: Set<number>): number => {
    if (i === weights.length) return 0;
    let best = rec(i + 1, used);
    for (let j = 0; j < slotCount; j += 1) {
      if (used.has(j)) continue;
      const w = usable(weights[i][j]);
      if (w <= 0) continue;
      used.add(j);
      best = Math.max(best, w + rec(i + 1, used));
      used.delete(j);
    }
    return best;
  };
  return rec(0, new Set());
}

const instance = fc
  .record({ rows: fc.integer({ min: 0, max: 6 }), cols: fc.integer({ min: 0, max: 6 }), minScore: fc.integer({ min: 0, max: 60 }) })
  .chain(({ rows, cols, minScore }) =>
    fc.record({
      weights: fc.array(fc.array(fc.option(fc.integer({ min: 0, max: 100 }), { nil: null, freq: 4 }), { minLength: cols, maxLength: cols }), {
        minLength: rows,
        maxLength: rows,
      }),
      cols: fc.constant(cols),
      minScore: fc.constant(minScore),
    }),
  );

describe('best assignment', () => {
  it('equals the brute-force optimum on random small instances', () => {
    fc.assert(
      fc.property(instance, ({ weights, cols, minScore }) => {
        const result = bestAssignment({ weights, slotCount: cols, minScore });
        expect(result.total).toBe(bruteForce(weights, cols, minScore));
        // Every slot is used at most once, and only for allowed pairs at or above the minimum.
        const used = result.slotOf.filter((slot) => slot >= 0);
        expect(new Set(used).size).toBe(used.length);
        result.slotOf.forEach((slot, i) => {
          if (slot >= 0) expect(weights[i][slot]).toBeGreaterThanOrEqual(minScore);
        });
      }),
      { numRuns: 500 },
    );
  });

  it('beats the greedy choice where greedy is wrong', () => {
    // Greedy takes 90 (row 0 → slot 0) and leaves row 1 with 10; the optimum is 80 + 80.
    const result = bestAssignment({ weights: [[90, 80], [80, 10]], slotCount: 2, minScore: 0 });
    expect(result.total).toBe(160);
    expect(result.slotOf).toEqual([1, 0]);
  });

  it('leaves a participant unassigned rather than below the minimum score', () => {
    const result = bestAssignment({ weights: [[20], [50]], slotCount: 1, minScore: 30 });
    expect(result.slotOf).toEqual([-1, 0]);
  });
});
