/**
 * The best assignment for a whole waiting list: the set of (participant, volunteer slot) pairs
 * with the largest total score, each participant and slot used at most once, no pair below
 * the minimum. Solved exactly with the Hungarian method on the rectangular participants ×
 * slots matrix (O(n² · m) for n ≤ m), not greedily.
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
 * Minimum-cost assignment of every row to a distinct column on a rows × cols cost matrix with
 * rows ≤ cols (potentials and shortest augmenting paths, O(rows² · cols)). Returns, for each
 * row, its column.
 */
function hungarian(cost: Float64Array, rows: number, cols: number): Int32Array {
  // Every index below is in bounds: rows 0..rows and columns 0..cols of arrays sized for them,
  // and a p[] entry is always a row number. Hence the `!` on the typed arrays' reads.
  const INF = Number.POSITIVE_INFINITY;
  const u = new Float64Array(rows + 1);
  const v = new Float64Array(cols + 1);
  const p = new Int32Array(cols + 1); // p[col] = row matched to col (1-based, 0 = none)
  const way = new Int32Array(cols + 1);
  const minv = new Float64Array(cols + 1);
  const used = new Uint8Array(cols + 1);
  for (let i = 1; i <= rows; i += 1) {
    p[0] = i;
    let j0 = 0;
    minv.fill(INF);
    used.fill(0);
    do {
      used[j0] = 1;
      const i0 = p[j0]!;
      let delta = INF;
      let j1 = 0;
      const rowOffset = (i0 - 1) * cols;
      for (let j = 1; j <= cols; j += 1) {
        if (used[j]) continue;
        const reduced = cost[rowOffset + j - 1]! - u[i0]! - v[j]!;
        if (reduced < minv[j]!) {
          minv[j] = reduced;
          way[j] = j0;
        }
        if (minv[j]! < delta) {
          delta = minv[j]!;
          j1 = j;
        }
      }
      for (let j = 0; j <= cols; j += 1) {
        if (used[j]) {
          u[p[j]!]! += delta;
          v[j]! -= delta;
        } else {
          minv[j]! -= delta;
        }
      }
      j0 = j1;
    } while (p[j0] !== 0);
    do {
      const j1 = way[j0]!;
      p[j0] = p[j1]!;
      j0 = j1;
    } while (j0 !== 0);
  }
  const colOfRow = new Int32Array(rows).fill(-1);
  for (let j = 1; j <= cols; j += 1) if (p[j]! > 0) colOfRow[p[j]! - 1] = j - 1;
  return colOfRow;
}

export function bestAssignment({ weights, slotCount, minScore }: AssignmentInput): Assignment {
  const participants = weights.length;
  const slotOf = new Array<number>(participants).fill(-1);
  // A forbidden or too-weak pair is worth 0, the same as leaving both unassigned.
  const usable = (i: number, j: number): number => {
    const w = weights[i]?.[j];
    if (w === undefined) throw new RangeError(`No weight for participant ${i} and slot ${j}`);
    return w !== null && w >= minScore ? w : 0;
  };
  // The method assigns every row, so the shorter side is the rows: participants, or the slots
  // when there are more participants than slots. No square padding is needed.
  const transposed = participants > slotCount;
  const rows = transposed ? slotCount : participants;
  const cols = transposed ? participants : slotCount;
  if (rows === 0) return { slotOf, total: 0 };
  const cost = new Float64Array(rows * cols);
  let top = 0;
  for (let r = 0; r < rows; r += 1) {
    for (let c = 0; c < cols; c += 1) {
      const w = transposed ? usable(c, r) : usable(r, c);
      cost[r * cols + c] = -w;
      if (w > top) top = w;
    }
  }
  // Maximising the score is minimising (top - score), a non-negative cost.
  for (let k = 0; k < cost.length; k += 1) cost[k]! += top;
  const colOfRow = hungarian(cost, rows, cols);
  let total = 0;
  for (let r = 0; r < rows; r += 1) {
    const col = colOfRow[r]!; // every row is assigned a column
    const [i, j] = transposed ? [col, r] : [r, col];
    const w = usable(i, j);
    if (w > 0) {
      slotOf[i] = j;
      total += w;
    }
  }
  return { slotOf, total };
}
