/**
 * k-means in two dimensions with k-means++ seeding (SPEC.md H6): Arthur D, Vassilvitskii S,
 * "k-means++: the advantages of careful seeding", SODA 2007; Lloyd SP, IEEE Trans Inf Theory
 * 1982;28:129-137. Two dimensions only because habitats cluster on (intensity, entropy); the
 * fixed width keeps the inner loop free of a feature loop, which is most of its speed.
 */

export interface KMeansResult {
  /** Cluster of each point, 0..k-1 (in seeding order; callers relabel). */
  labels: Int32Array;
  /** Sum of squared distances from points to their centres. */
  inertia: number;
  iterations: number;
}

export const MAX_LLOYD_ITERATIONS = 300;
/**
 * Lloyd stops when no label changes or the summed squared centre shift falls to this (in squared
 * z-score units): scikit-learn's default tolerance (1e-4 x mean feature variance, which is 1 here).
 */
export const CENTRE_SHIFT_TOLERANCE = 1e-4;

/**
 * Clusters the points (xs[i], ys[i]) into k groups.
 * An emptied cluster is re-seeded with the point farthest from its centre, the lowest index on
 * ties, so the run stays deterministic for a given generator.
 *
 * @param rng seeded uniform generator in [0, 1) (see `random.ts`).
 * @returns null when the points have fewer than k distinct positions, so k clusters cannot exist.
 */
export function kMeans2d(xs: Float64Array, ys: Float64Array, k: number, rng: () => number): KMeansResult | null {
  const n = xs.length;
  if (k < 1 || k > n) return null;
  const seeded = seedPlusPlus(xs, ys, k, rng);
  if (!seeded) return null;
  const [cx, cy] = seeded;

  const labels = new Int32Array(n).fill(-1);
  const dist2 = new Float64Array(n);
  const sx = new Float64Array(k);
  const sy = new Float64Array(k);
  const counts = new Int32Array(k);
  let iterations = 0;
  let settling = false;
  while (iterations < MAX_LLOYD_ITERATIONS) {
    iterations++;
    const changed = assign(xs, ys, cx, cy, labels, dist2);
    // After a sub-tolerance shift one more assignment makes labels match the final centres.
    if (changed === 0 || settling) break;
    sx.fill(0);
    sy.fill(0);
    counts.fill(0);
    for (let i = 0; i < n; i++) {
      const c = labels[i];
      counts[c]++;
      sx[c] += xs[i];
      sy[c] += ys[i];
    }
    let shift = 0;
    for (let c = 0; c < k; c++) {
      let nx: number;
      let ny: number;
      if (counts[c] === 0) {
        const far = argMax(dist2);
        nx = xs[far];
        ny = ys[far];
        dist2[far] = 0;
      } else {
        nx = sx[c] / counts[c];
        ny = sy[c] / counts[c];
      }
      shift += (nx - cx[c]) ** 2 + (ny - cy[c]) ** 2;
      cx[c] = nx;
      cy[c] = ny;
    }
    settling = shift <= CENTRE_SHIFT_TOLERANCE;
  }
  let inertia = 0;
  for (let i = 0; i < n; i++) inertia += (xs[i] - cx[labels[i]]) ** 2 + (ys[i] - cy[labels[i]]) ** 2;
  return { labels, inertia, iterations };
}

/** k-means++: the first centre uniformly, each next one with probability proportional to D^2. */
function seedPlusPlus(xs: Float64Array, ys: Float64Array, k: number, rng: () => number): [Float64Array, Float64Array] | null {
  const n = xs.length;
  const cx = new Float64Array(k);
  const cy = new Float64Array(k);
  const first = Math.min(n - 1, Math.floor(rng() * n));
  cx[0] = xs[first];
  cy[0] = ys[first];
  const d2 = new Float64Array(n);
  for (let i = 0; i < n; i++) d2[i] = (xs[i] - cx[0]) ** 2 + (ys[i] - cy[0]) ** 2;
  for (let c = 1; c < k; c++) {
    let total = 0;
    for (let i = 0; i < n; i++) total += d2[i];
    if (total <= 0) return null;
    let target = rng() * total;
    let pick = -1;
    for (let i = 0; i < n && target >= 0; i++) {
      if (d2[i] === 0) continue;
      pick = i;
      target -= d2[i];
    }
    cx[c] = xs[pick];
    cy[c] = ys[pick];
    for (let i = 0; i < n; i++) {
      const d = (xs[i] - cx[c]) ** 2 + (ys[i] - cy[c]) ** 2;
      if (d < d2[i]) d2[i] = d;
    }
  }
  return [cx, cy];
}

/** Assigns each point to its nearest centre (lowest index on ties); returns how many changed. */
function assign(
  xs: Float64Array,
  ys: Float64Array,
  cx: Float64Array,
  cy: Float64Array,
  labels: Int32Array,
  dist2: Float64Array,
): number {
  let changed = 0;
  const k = cx.length;
  for (let i = 0; i < xs.length; i++) {
    const x = xs[i];
    const y = ys[i];
    let best = 0;
    let bestD = Infinity;
    for (let c = 0; c < k; c++) {
      const dx = x - cx[c];
      const dy = y - cy[c];
      const d = dx * dx + dy * dy;
      if (d < bestD) {
        bestD = d;
        best = c;
      }
    }
    dist2[i] = bestD;
    if (labels[i] !== best) {
      labels[i] = best;
      changed++;
    }
  }
  return changed;
}

function argMax(values: Float64Array): number {
  let best = 0;
  for (let i = 1; i < values.length; i++) if (values[i] > values[best]) best = i;
  return best;
}
