/**
 * Mean silhouette width (Rousseeuw, J Comput Appl Math 1987;20:53-65), used to choose the number
 * of clusters for habitats (SPEC.md H7) and interlesional phenotypes (interlesional SPEC.md I5).
 */

/**
 * Mean over points of s(i) = (b - a) / max(a, b), where a is the mean Euclidean distance from i to
 * the other members of its cluster and b the smallest mean distance to another cluster. A point
 * alone in its cluster scores 0 (Rousseeuw's convention). O(n^2 d) time, O(n k) memory.
 *
 * @param points row-major n x dim coordinates.
 * @param labels cluster of each point, 0..k-1.
 * @returns the mean silhouette in [-1, 1]; NaN when fewer than 2 clusters are occupied, where it is
 *   undefined.
 */
export function meanSilhouette(points: Float64Array, dim: number, labels: ArrayLike<number>, k: number): number {
  const n = labels.length;
  const size = new Float64Array(k);
  for (let i = 0; i < n; i++) size[labels[i]]++;
  let occupied = 0;
  for (let c = 0; c < k; c++) if (size[c] > 0) occupied++;
  if (occupied < 2) return Number.NaN;

  // sums[i * k + c] = total distance from point i to the points of cluster c; each pair visited once.
  const sums = new Float64Array(n * k);
  for (let i = 0; i < n; i++) {
    const li = labels[i];
    const oi = i * dim;
    for (let j = i + 1; j < n; j++) {
      const oj = j * dim;
      let d2 = 0;
      for (let t = 0; t < dim; t++) {
        const diff = points[oi + t] - points[oj + t];
        d2 += diff * diff;
      }
      const d = Math.sqrt(d2);
      sums[i * k + labels[j]] += d;
      sums[j * k + li] += d;
    }
  }
  let total = 0;
  for (let i = 0; i < n; i++) {
    const li = labels[i];
    if (size[li] < 2) continue;
    const a = sums[i * k + li] / (size[li] - 1);
    let b = Infinity;
    for (let c = 0; c < k; c++) {
      if (c === li || size[c] === 0) continue;
      const mean = sums[i * k + c] / size[c];
      if (mean < b) b = mean;
    }
    const m = Math.max(a, b);
    total += m > 0 ? (b - a) / m : 0;
  }
  return total / n;
}
