/**
 * The demo cohort on disk: every timepoint of every demo case as NIfTI image + label map, and a
 * manifest.json listing them with their SHA-256. Timepoints are generated in worker threads (two
 * by default); each worker is kept on one case while it has timepoints left, because a case's
 * anatomy is built once per worker and reused for all its timepoints.
 */
import type { Worker } from "node:worker_threads";
import { tsWorker } from "../ts-worker";
import { mkdirSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import type { WorkerTask } from "./generate-worker";
import { writeTimepointFiles, type DemoScan } from "./scan-files";
import { demoCases, type DemoCase } from "./story";

export { generateTimepoint } from "./ct-phantom";
export type { DemoScan } from "./scan-files";

export interface DemoScanManifest {
  /** Absolute output directory; every path in `scans` is relative to it. */
  outDir: string;
  /** Absolute path of the manifest.json written beside the scans. */
  manifestPath: string;
  /** In story order: case by case, timepoints ascending. */
  scans: DemoScan[];
}

export interface WriteDemoScansOptions {
  /** Cases to generate (default: all demo cases). */
  cases?: DemoCase[];
  /** Worker threads (default 2); 0 generates in this thread. */
  workers?: number;
  /** Called as each timepoint is written. */
  onScan?: (scan: DemoScan) => void;
}

type Job = { c: DemoCase; tp: number };

/**
 * Hands out timepoints, keeping each worker on the case whose anatomy it already holds. A worker
 * whose case is done only starts a case nobody else is on: joining another worker's case would
 * cost a second anatomy build (a few seconds) to save one timepoint (about one second).
 */
function scheduler(cases: DemoCase[]) {
  const left = new Map(cases.map((c) => [c.slug, c.imagingDays.map((_, tp) => ({ c, tp }))]));
  const taken = new Set<string>();
  return (lastSlug: string | null): Job | null => {
    if (lastSlug && left.get(lastSlug)!.length > 0) return left.get(lastSlug)!.shift()!;
    const open = [...left.entries()].filter(([slug, jobs]) => jobs.length > 0 && !taken.has(slug));
    if (open.length === 0) return null;
    open.sort((a, b) => b[1].length - a[1].length);
    taken.add(open[0][0]);
    return open[0][1].shift()!;
  };
}

function runWorkers(outDir: string, cases: DemoCase[], count: number, onScan: (s: DemoScan) => void): Promise<DemoScan[]> {
  const next = scheduler(cases);
  const scans: DemoScan[] = [];
  return new Promise((resolvePromise, reject) => {
    let running = 0;
    let failed = false;
    const workers: Worker[] = [];
    const finish = (error?: Error) => {
      if (failed) return;
      if (error) failed = true;
      if (error || running === 0) {
        for (const w of workers) void w.terminate();
        if (error) reject(error);
        else resolvePromise(scans);
      }
    };
    for (let i = 0; i < count; i++) {
      let job = next(null);
      if (!job) break;
      const worker = tsWorker(new URL("./generate-worker.ts", import.meta.url));
      workers.push(worker);
      running++;
      const send = (j: Job) => worker.postMessage({ outDir, demoCase: j.c, timepointIndex: j.tp } satisfies WorkerTask);
      worker.on("message", (msg: { ok: true; scan: DemoScan } | { ok: false; error: string }) => {
        if (!msg.ok) return finish(new Error(`demo scan generation failed: ${msg.error}`));
        scans.push(msg.scan);
        onScan(msg.scan);
        job = next(job!.c.slug);
        if (job) return send(job);
        running--;
        finish();
      });
      worker.on("error", (e) => finish(e));
      send(job);
    }
    if (running === 0) finish();
  });
}

/**
 * Writes `<outDir>/<slug>/tp<index>-day<day>_ct.nii.gz` and `..._seg.nii.gz` for every timepoint
 * of the given cases, plus `<outDir>/manifest.json`, and returns the manifest. The files are
 * byte-for-byte deterministic, so the SHA-256 in the manifest identify the scans.
 */
export async function writeDemoScans(outDir: string, opts: WriteDemoScansOptions = {}): Promise<DemoScanManifest> {
  const dir = resolve(outDir);
  const cases = opts.cases ?? demoCases;
  const onScan = opts.onScan ?? (() => {});
  mkdirSync(dir, { recursive: true });
  const workers = Math.max(0, Math.floor(opts.workers ?? 2));
  let scans: DemoScan[];
  if (workers === 0) {
    scans = [];
    for (const c of cases) {
      for (let tp = 0; tp < c.imagingDays.length; tp++) {
        const scan = writeTimepointFiles(dir, c, tp);
        scans.push(scan);
        onScan(scan);
      }
    }
  } else {
    scans = await runWorkers(dir, cases, workers, onScan);
  }
  const order = new Map(cases.map((c, i) => [c.slug, i]));
  scans.sort((a, b) => order.get(a.caseSlug)! - order.get(b.caseSlug)! || a.timepointIndex - b.timepointIndex);
  const manifestPath = join(dir, "manifest.json");
  writeFileSync(manifestPath, JSON.stringify({ scans }, null, 2) + "\n");
  return { outDir: dir, manifestPath, scans };
}
