/**
 * Numerical primitives that reproduce numpy's results bit for bit where it is cheap to do so,
 * because PyRadiomics' feature values are numpy reductions and outside checks compare our
 * numbers with PyRadiomics' to many digits (SPEC.md N1-N4).
 */

/** numpy.spacing(1): the epsilon PyRadiomics adds inside log2 and to denominators. */
export const EPS = 2.220446049250313e-16;

const PW_BLOCKSIZE = 128;

/**
 * numpy's pairwise summation of a contiguous float64 run (loops_utils.h.src `pairwise_sum`):
 * fewer than 8 values are added in order, up to 128 use eight interleaved accumulators, longer
 * runs split in halves rounded down to a multiple of 8. `np.sum` of a 1-D float64 array is
 * exactly this. [N1]
 */
export function pairwiseSum(a: ArrayLike<number>, start = 0, n = a.length - start): number {
  if (n < 8) {
    let res = 0;
    for (let i = 0; i < n; i++) res += a[start + i];
    return res;
  }
  if (n <= PW_BLOCKSIZE) {
    let r0 = a[start], r1 = a[start + 1], r2 = a[start + 2], r3 = a[start + 3];
    let r4 = a[start + 4], r5 = a[start + 5], r6 = a[start + 6], r7 = a[start + 7];
    let i = 8;
    const end = n - (n % 8);
    for (; i < end; i += 8) {
      const b = start + i;
      r0 += a[b]; r1 += a[b + 1]; r2 += a[b + 2]; r3 += a[b + 3];
      r4 += a[b + 4]; r5 += a[b + 5]; r6 += a[b + 6]; r7 += a[b + 7];
    }
    let res = ((r0 + r1) + (r2 + r3)) + ((r4 + r5) + (r6 + r7));
    for (; i < n; i++) res += a[start + i];
    return res;
  }
  let n2 = Math.floor(n / 2);
  n2 -= n2 % 8;
  return pairwiseSum(a, start, n2) + pairwiseSum(a, start + n2, n - n2);
}

/** Leaf buffer of {@link pairwiseSumStream} (not re-entrant: terms must not start another stream). */
const streamBlock = new Float64Array(PW_BLOCKSIZE);

/**
 * {@link pairwiseSum} of `n` terms that are computed rather than stored: `next(block, count)`
 * writes the next `count` (at most 128) terms, in order, to block[0..count). numpy's tree splits
 * the sequence into leaves of at most 128 terms, visited left to right, and each leaf is summed
 * exactly as `pairwiseSum` sums it, so the result is bit for bit the sum of the stored terms,
 * without an n-element temporary. [N1]
 */
export function pairwiseSumStream(n: number, next: (block: Float64Array, count: number) => void): number {
  if (n <= PW_BLOCKSIZE) {
    next(streamBlock, n);
    return pairwiseSum(streamBlock, 0, n);
  }
  let n2 = Math.floor(n / 2);
  n2 -= n2 % 8;
  return pairwiseSumStream(n2, next) + pairwiseSumStream(n - n2, next);
}

/** Pairwise sum of f(x[i]) over i (numpy's sum of the temporary f(x)), without the temporary. */
export function pairwiseSumMap(x: ArrayLike<number>, f: (v: number) => number): number {
  let i = 0;
  return pairwiseSumStream(x.length, (block, count) => {
    for (let j = 0; j < count; j++) block[j] = f(x[i++]);
  });
}

/** `np.mean` of a 1-D float64 array: pairwise sum divided by the count. [N1] */
export function npMean(a: ArrayLike<number>): number {
  return pairwiseSum(a) / a.length;
}

/** Element-wise map into a new Float64Array (the temporaries numpy expressions create). */
export function mapF64(a: ArrayLike<number>, f: (v: number) => number): Float64Array {
  const out = new Float64Array(a.length);
  for (let i = 0; i < a.length; i++) out[i] = f(a[i]);
  return out;
}

/**
 * `np.nanmean` over a short vector (per-direction texture values): NaNs count as neither value
 * nor sample; all-NaN gives NaN, as numpy does (with a warning). [N2]
 */
export function nanMean(values: ArrayLike<number>): number {
  const filled = new Float64Array(values.length);
  let count = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (Number.isNaN(v)) continue;
    filled[i] = v;
    count++;
  }
  return count === 0 ? NaN : pairwiseSum(filled) / count;
}

/** numpy's `_lerp`: the two-sided form keeps monotonicity near t = 1. */
function lerp(a: number, b: number, t: number): number {
  const diff = b - a;
  return t >= 0.5 ? b - diff * (1 - t) : a + diff * t;
}

/** An ascending sample read by position: a sorted array, or a {@link sortedView}. */
export interface SortedLike {
  readonly length: number;
  at(index: number): number | undefined;
}

/**
 * `np.percentile(x, q)` with the default "linear" method on an ascending-sorted array:
 * virtual index (n - 1) * q / 100, interpolated with numpy's `_lerp`. [N3]
 */
export function percentileSorted(sorted: SortedLike, q: number): number {
  const n = sorted.length;
  if (n === 0) return NaN;
  const virtualIndex = (n - 1) * (q / 100);
  if (virtualIndex >= n - 1) return sorted.at(n - 1)!;
  if (virtualIndex <= 0) return sorted.at(0)!;
  const prev = Math.floor(virtualIndex);
  const gamma = virtualIndex - prev;
  return lerp(sorted.at(prev)!, sorted.at(prev + 1)!, gamma);
}

/** `np.median` on an ascending-sorted array (mean of the two middle values when n is even). [N3] */
export function medianSorted(sorted: SortedLike): number {
  const n = sorted.length;
  if (n === 0) return NaN;
  const mid = n >> 1;
  return n % 2 === 1 ? sorted.at(mid)! : (sorted.at(mid - 1)! + sorted.at(mid)!) / 2;
}

/** Integer-valued data over a modest range is counting-sorted; this is that range, or null. */
function countingRange(values: ArrayLike<number>): { min: number; max: number } | null {
  const n = values.length;
  let min = Infinity;
  let max = -Infinity;
  let integral = true;
  for (let i = 0; i < n; i++) {
    const v = values[i];
    if (v < min) min = v;
    if (v > max) max = v;
    if (integral && !Number.isInteger(v)) integral = false;
  }
  return !integral || n === 0 || max - min > 4 * n + 65536 ? null : { min, max };
}

/**
 * Ascending copy. Integer-valued data over a modest range (CT, most MR) is counting-sorted in
 * linear time; anything else uses the typed-array sort (numeric, unlike Array#sort).
 */
export function sortedCopy(values: ArrayLike<number>): Float64Array {
  const range = countingRange(values);
  if (!range) return Float64Array.from(values).sort();
  const { min, max } = range;
  const n = values.length;
  const counts = new Int32Array(max - min + 1);
  for (let i = 0; i < n; i++) counts[values[i] - min]++;
  const out = new Float64Array(n);
  let k = 0;
  for (let b = 0; b < counts.length; b++) for (let c = counts[b]; c > 0; c--) out[k++] = b + min;
  return out;
}

/**
 * The values in ascending order, as {@link sortedCopy} orders them, without a copy of the
 * sample when it would be counting-sorted: then only the cumulative counts over its range are
 * kept and `at(k)` finds the k-th value by bisection (percentiles read a handful of positions).
 */
export function sortedView(values: ArrayLike<number>): SortedLike {
  const range = countingRange(values);
  if (!range) return Float64Array.from(values).sort();
  const { min, max } = range;
  const n = values.length;
  // below[b]: number of values smaller than min + b.
  const below = new Int32Array(max - min + 2);
  for (let i = 0; i < n; i++) below[values[i] - min + 1]++;
  for (let b = 1; b < below.length; b++) below[b] += below[b - 1];
  return {
    length: n,
    at(k: number): number | undefined {
      if (!(k >= 0 && k < n)) return undefined;
      // The last b with below[b] <= k holds position k.
      let lo = 0;
      let hi = below.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >>> 1;
        if (below[mid] <= k) lo = mid;
        else hi = mid - 1;
      }
      return lo + min;
    },
  };
}

/**
 * Python/numpy floored modulo for floats (npy_divmod): the result takes the divisor's sign,
 * so `-1013 % 25 == 12`, whereas JavaScript's `%` would give -13. [N4]
 */
export function pyMod(a: number, b: number): number {
  let mod = a % b;
  // numpy returns a zero with the divisor's sign.
  if (mod === 0) return b < 0 ? -0 : 0;
  if ((b < 0) !== (mod < 0)) mod += b;
  return mod;
}

/**
 * `np.sum(expr)` over a temporary of n elements: fill it with `term(k)` and add pairwise, which is
 * what numpy does for a contiguous 1-D (or flattened C-order 2-D) array.
 */
export function sumOf(n: number, term: (k: number) => number): number {
  let k = 0;
  return pairwiseSumStream(n, (block, count) => {
    for (let j = 0; j < count; j++) block[j] = term(k++);
  });
}

/** Smallest and largest value (NaN-free input). */
export function minMax(values: ArrayLike<number>): [number, number] {
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v < min) min = v;
    if (v > max) max = v;
  }
  return [min, max];
}
