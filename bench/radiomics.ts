/**
 * Radiomics and heterogeneity benchmarks (issue 3): all feature families (shape included) for
 * spherical lesions of about 10k, 100k and 1M voxels in a CT-like image, the local-entropy map
 * and habitats of a 100k-voxel lesion, and peak memory against the ROI's bounding box.
 * Runs alone with `tsx bench/radiomics.ts`; `npm run bench` runs it with the others.
 */
import v8 from "node:v8";
import vm from "node:vm";
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
  const lo = [n, n, n];
  const hi = [-1, -1, -1];
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
          [x, y, z].forEach((v, d) => {
            lo[d] = Math.min(lo[d], v);
            hi[d] = Math.max(hi[d], v);
          });
        }
      }
  const affine: Affine = [0.8, 0, 0, 0, 0, 0.8, 0, 0, 0, 0, 1.5, 0, 0, 0, 0, 1];
  const spacingMm: [number, number, number] = [0.8, 0.8, 1.5];
  const vol: Volume = { data: image, dims, spacingMm, affine };
  // The ROI's bounding box (not the whole image, which has a margin around the sphere) as
  // double-precision intensities, the core's working representation.
  const boxVoxels = (hi[0] - lo[0] + 1) * (hi[1] - lo[1] + 1) * (hi[2] - lo[2] + 1);
  return { vol, mask: { data: mask, dims, spacingMm, affine }, count, boxBytes: boxVoxels * 8 };
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

/**
 * Peak memory of one call of `fn`: the most bytes it holds at once in array buffers (typed
 * arrays, where every voxel-sized structure of the core lives) and in V8's old-generation and
 * large-object spaces, above a baseline taken after a forced full collection. The heap is sampled
 * just before every garbage collection during the call and when it returns; memory only grows
 * between collections, so the largest sample is the peak.
 *
 * This replaces resident memory (the process's lifetime maxRSS minus the RSS before the timed
 * runs), which did not measure the extractor: the lifetime high-water mark could come from the
 * test-volume construction, the JIT warm-up or an earlier size; it held the garbage of several
 * back-to-back runs; and it moved with V8's and malloc's page reservations. At 10k voxels the box
 * is 157 kB while V8's young generation alone commits 1-16 MB for short-lived boxed numbers
 * before each scavenge, so that figure was mostly V8. Left out here, therefore: the young
 * generation (a nursery of fixed capacity set by V8, not by the ROI; what survives a scavenge is
 * promoted and counted), JIT code, and whatever the process held before the call. Buffers the
 * call has dropped still count until V8 frees them, so this is an upper bound of the live peak:
 * with few collections during the call (small ROIs) it approaches everything the call allocated,
 * and it varies by a few tenths with where V8 happens to collect.
 */
function peakMemory(fn: () => void): number {
  const gc = exposeGc();
  gc();
  gc();
  const held = (spaces: { name: string; used: number }[], external: number) =>
    spaces.reduce((sum, s) => sum + (HELD_SPACES.has(s.name) ? s.used : 0), external);
  const now = () => held(v8.getHeapSpaceStatistics().map((s) => ({ name: s.space_name, used: s.space_used_size })), v8.getHeapStatistics().external_memory);
  const base = now();
  const profiler = new v8.GCProfiler();
  profiler.start();
  fn();
  let peak = now();
  for (const { beforeGC } of profiler.stop().statistics) {
    const spaces = beforeGC.heapSpaceStatistics.map((s) => ({ name: s.spaceName, used: s.spaceUsedSize }));
    peak = Math.max(peak, held(spaces, beforeGC.heapStatistics.externalMemory));
  }
  return Math.max(0, peak - base);
}

/** V8 spaces whose objects have survived a scavenge or are large (arrays over ~128 kB), by V8's names. */
const HELD_SPACES = new Set(["old_space", "large_object_space", "new_large_object_space", "shared_space", "shared_large_object_space"]);

let gcFn: (() => void) | undefined;
/** `gc()` without `--expose-gc` on the command line (`npm run bench` starts plain node). */
function exposeGc(): () => void {
  if (!gcFn) {
    v8.setFlagsFromString("--expose-gc");
    gcFn = vm.runInNewContext("gc") as () => void;
  }
  return gcFn;
}

export function runRadiomicsBench(): BenchRow[] {
  const rows: BenchRow[] = [];
  // Warm up the JIT on a small ROI so that its code and fixed overhead are not counted below.
  const warm = sphereCase(2_000);
  timeBest(3, () => extractFeatures(warm.vol, warm.mask, { binWidth: 25 }));
  for (const [label, voxels, runs] of [["10k", 10_000, 5], ["100k", 100_000, 3], ["1M", 1_000_000, 1]] as const) {
    const c = sphereCase(voxels);
    const ms = timeBest(runs, () => extractFeatures(c.vol, c.mask, { binWidth: 25 }));
    // One more run, on code the timed runs have compiled for this size.
    const peak = peakMemory(() => extractFeatures(c.vol, c.mask, { binWidth: 25 }));
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
  // maxRSS (KiB) is the process's peak; memoryUsage().rss, reported here before, is the current value.
  rows.push({ name: "peak RSS of the radiomics bench", value: Math.round(process.resourceUsage().maxRSS / 2 ** 10), unit: "MiB" });
  return rows;
}

if (import.meta.url === `file://${process.argv[1]}`) console.table(runRadiomicsBench());
