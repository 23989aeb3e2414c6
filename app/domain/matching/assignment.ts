/**
 * The best assignment for a whole waiting list: the set of (participant, volunteer slot) pairs
 * with the largest total score, each participant and slot used at most once, no pair below
 * the minimum. Solved exactly with the Hungarian method (O(n³)), not greedily.
 */

export interface AssignmentInput {
  /** weights[i][j]: score of participant i with slot j, or null when not allowed. */
  weights: (number | null)[][];
  slotCount: number;
  minScore: number;
}

export interface Assignment {
  /** For each participant, the slot index assigned, or -1. */
  slotOf: number[];
  total: number;
}

/**
 * Minimum-cost perfect assignment on a square cost matrix (potentials and augmenting paths).
 * Returns, for each row, its column.
 */
function hungarian(cost: Float64Array, n: number): Int32Array {
  const INF = Number.POSITIVE_INFINITY;
  const u = new Float64Array(n + 1);
  const v = new Float64Array(n + 1);
  const p = new Int32Array(n + 1); // p[col] = row matched to col (1-based, 0 = none)
  const way = new Int32Array(n + 1);
  const minv = new Float64Array(n + 1);
  const used = new Uint8Array(n + 1);
  for (let i = 1; i <= n; i += 1) {
    p[0] = i;
    let j0 = 0;
    minv.fill(INF);
    used.fill(0);
    do {
      used[j0] = 1;
      const i0 = p[j0];
      let delta = INF;
      let j1 = 0;
      const rowOffset = (i0 - 1) * n;
      for (let j = 1; j <= n; j += 1) {
        if (used[j]) continue;
        const reduced = cost[rowOffset + j - 1] - u[i0] - v[j];
        if (reduced < minv[j]) {
          minv[j] = reduced;
          way[j] = j0;
        }
        if (minv[j] < delta) {
          delta = minv[j];
          j1 = j;
        }
      }
      for (let j = 0; j <= n; j += 1) {
        if (used[j]) {
          u[p[j]] += delta;
          v[j] -= delta;
        } else {
          minv[j] -= delta;
        }
      }
      j0 = j1;
    } while (p[j0] !== 0);
    do {
      const j1 = way[j0];
      p[j0] = p[j1];
      j0 = j1;
    } while (j0 !== 0);
  }
  const colOfRow = new Int32Array(n).fill(-1);
  for (let j = 1; j <= n; j += 1) if (p[j] > 0) colOfRow[p[j] - 1] = j - 1;
  return colOfRow;
}

export function bestAssignment({ weights, slotCount, minScore }: AssignmentInput): Assignment {
  const rows = weights.length;
  const n = Math.max(rows, slotCount);
  if (n === 0) return { slotOf: [], total: 0 };
  // Maximising the score is minimising (top - score); a forbidden or too-weak pair is worth 0,
  // the same as leaving both unassigned, so the padding never displaces a real pair.
  const usable = (i: number, j: number): number => {
    const w = i < rows && j < slotCount ? weights[i][j] : null;
    return w !== null && w >= minScore ? w : 0;
  };
  let top = 0;
  for (let i = 0; i < rows; i += 1) for (let j = 0; j < slotCount; j += 1) top = Math.max(top, usable(i, j));
  const cost = new Float64Array(n * n);
  for (let i = 0; i < n; i += 1) for (let j = 0; j < n; j += 1) cost[i * n + j] = top - usable(i, j);
  const colOfRow = hungarian(cost, n);
  const slotOf: number[] = [];
  let total = 0;
  for (let i = 0; i < rows; i += 1) {
    const j = colOfRow[i];
    const w = j >= 0 ? usable(i, j) : 0;
    if (j >= 0 && j < slotCount && w > 0) {
      slotOf.push(j);
      total += w;
    } else {
      slotOf.push(-1);
    }
  }
  return { slotOf, total };
}
