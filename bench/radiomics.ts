/**
 * Radiomics and heterogeneity benchmarks (issue 3): all feature families (shape included) for
 * spherical lesions of about 10k, 100k and 1M voxels in a CT-like image, the local-entropy map
 * and habitats of a 100k-voxel lesion, and peak memory against the ROI's bounding box.
 * Runs alone with `tsx bench/radiomics.ts`; `npm run bench` runs it with the others.
 */
import { extractFeatures } from "../server/analysis/radiomics/extract";
import { discretise } from "../server/analysis/radiomics/discretise";
import { localEntropyMap, computeHabitats } from "../server/analysis/heterogeneity";
import { createRng } from "../server/analysis/random";
import type { Affine, Volume } from "../server/analysis/types";

export interface BenchRow {
  name: string;
  value: number;
  unit: string;
  target?: string;
  met?: boolean;
}

function sphereCase(targetVoxels: number) {
  const r = Math.cbrt((3 * targetVoxels) / (4 * Math.PI));
  const n = Math.ceil(2 * r) + 8;
  const dims: [number, number, number] = [n, n, n];
  const rng = createRng(7);
  const image = new Int16Array(n * n * n);
  const mask = new Uint8Array(n * n * n);
  const c = (n - 1) / 2;
  let count = 0;
  for (let z = 0; z < n; z++)
    for (let y = 0; y < n; y++)
      for (let x = 0; x < n; x++) {
        const i = x + n * (y + n * z);
        const d = Math.hypot(x - c, y - c, z - c);
        const inside = d <= r;
        // Enhancing rim, necrotic core, tissue outside; noise ~15 HU.
        const base = inside ? (d > 0.7 * r ? 90 : 20) : 50;
        image[i] = Math.round(base + 15 * (rng() + rng() + rng() - 1.5) * 2);
        if (inside) {
          mask[i] = 1;
          count++;
        }
      }
  const affine: Affine = [0.8, 0, 0, 0, 0, 0.8, 0, 0, 0, 0, 1.5, 0, 0, 0, 0, 1];
  const spacingMm: [number, number, number] = [0.8, 0.8, 1.5];
  const vol: Volume = { data: image, dims, spacingMm, affine };
  // The bounding box as double-precision intensities, the core's working representation.
  return { vol, mask: { data: mask, dims, spacingMm, affine }, count, boxBytes: n * n * n * 8 };
}

function timeBest(runs: number, fn: () => void): number {
  let best = Infinity;
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    fn();
    best = Math.min(best, performance.now() - t);
  }
  return best;
}

export function runRadiomicsBench(): BenchRow[] {
  const rows: BenchRow[] = [];
  // Warm up the JIT on a small ROI so that its code and fixed overhead are not counted below.
  const warm = sphereCase(2_000);
  timeBest(3, () => extractFeatures(warm.vol, warm.mask, { binWidth: 25 }));
  for (const [label, voxels, runs] of [["10k", 10_000, 5], ["100k", 100_000, 3], ["1M", 1_000_000, 1]] as const) {
    const c = sphereCase(voxels);
    const baseline = process.memoryUsage().rss;
    const ms = timeBest(runs, () => extractFeatures(c.vol, c.mask, { binWidth: 25 }));
    // Peak resident memory during the runs above the resident memory before them (maxRSS is in KiB).
    const peak = Math.max(0, process.resourceUsage().maxRSS * 1024 - baseline);
    rows.push({ name: `all families, ${label}-voxel ROI (${c.count} voxels)`, value: Math.round(ms), unit: "ms", ...(label === "100k" ? { target: "< 200 ms", met: ms < 200 } : {}) });
    rows.push({ name: `peak memory, ${label} ROI / bounding box (float64)`, value: Number((peak / c.boxBytes).toFixed(2)), unit: "x", target: "< 5x", met: peak / c.boxBytes < 5 });
  }
  const c = sphereCase(100_000);
  const values: number[] = [];
  for (let i = 0; i < c.mask.data.length; i++) if (c.mask.data[i]) values.push(c.vol.data[i]!);
  const { bins } = discretise(values, { binWidth: 25 });
  const binGrid = new Int32Array(c.mask.data.length);
  for (let i = 0, k = 0; i < binGrid.length; i++) if (c.mask.data[i]) binGrid[i] = bins[k++]!;
  let entropy: Float32Array = new Float32Array(0);
  const entropyMs = timeBest(3, () => {
    entropy = localEntropyMap(binGrid, c.mask.data, c.vol.dims);
  });
  rows.push({ name: "local-entropy map, 100k-voxel lesion", value: Math.round(entropyMs), unit: "ms", target: "< 1000 ms", met: entropyMs < 1000 });
  const intensities = Float32Array.from(c.vol.data);
  const habitatsMs = timeBest(2, () => computeHabitats(intensities, entropy, c.mask.data, c.vol.dims, c.vol.spacingMm, { seed: 1 }));
  rows.push({ name: "habitats (k-means++, k by silhouette), 100k-voxel lesion", value: Math.round(habitatsMs), unit: "ms" });
  rows.push({ name: "peak RSS of the radiomics bench", value: Math.round(process.memoryUsage().rss / 2 ** 20), unit: "MiB" });
  return rows;
}

if (import.meta.url === `file://${process.argv[1]}`) console.table(runRadiomicsBench());
