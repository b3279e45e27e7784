/**
 * Takes analysis jobs from the database queue and runs them in worker threads, reporting
 * progress (lesions done of total) to the job row. Any process with the database can run one;
 * claims use SKIP LOCKED, so several runners never take the same job.
 */
import { readFileSync } from "node:fs";
import type { Db } from "@/db/client";
import { claimNextJob, finishJob, reportJobProgress, requeueInterruptedJobs, type JobRow } from "@/db/repositories/jobs";
import { findTimepoint } from "@/db/repositories/cases";
import { findTimepointVolume } from "@/db/repositories/imaging";
import type { BlobStore } from "../storage/blobs";
import { AnalysisPool } from "./pool";
import { storeTimepointAnalysis } from "./store-results";
import { ensurePreview } from "../imaging/volume-preview";

export interface RunnerOptions {
  db: () => Db;
  blobs: BlobStore;
  workers?: number;
  pollMs?: number;
  /** Called after a timepoint's results are stored (case-level analyses recompute here). */
  onTimepointDone?: (caseId: string) => Promise<void>;
  log?: (line: string) => void;
}

const SETTINGS = { binWidth: 25 };

export class JobRunner {
  private pool: AnalysisPool;
  private stopped = false;
  private active = 0;
  private wake: (() => void) | undefined;
  private idleWaiters: (() => void)[] = [];

  constructor(private readonly opts: RunnerOptions) {
    this.pool = new AnalysisPool(opts.workers ?? 1);
  }

  async start(): Promise<void> {
    const n = await requeueInterruptedJobs(this.opts.db());
    if (n > 0) this.opts.log?.(`re-queued ${n} analysis job(s) interrupted by a previous stop`);
    for (let i = 0; i < (this.opts.workers ?? 1); i++) void this.loop();
  }

  /** Wakes the loop now instead of at the next poll (a job was just queued in this process). */
  nudge(): void {
    this.wake?.();
  }

  /** Resolves when no job is running and none is queued. */
  async idle(): Promise<void> {
    await new Promise<void>((r) => this.idleWaiters.push(r));
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.wake?.();
    await this.pool.close();
  }

  private async loop(): Promise<void> {
    while (!this.stopped) {
      let job: JobRow | undefined;
      try {
        job = await claimNextJob(this.opts.db(), new Date());
      } catch (e) {
        this.opts.log?.(`job queue unavailable: ${(e as Error).message}`);
      }
      if (!job) {
        if (this.active === 0) this.idleWaiters.splice(0).forEach((r) => r());
        await new Promise<void>((r) => {
          this.wake = r;
          setTimeout(r, this.opts.pollMs ?? 1000);
        });
        continue;
      }
      this.active++;
      try {
        await this.runJob(job);
      } finally {
        this.active--;
      }
    }
  }

  private async runJob(job: JobRow): Promise<void> {
    const db = this.opts.db();
    try {
      const tp = await findTimepoint(db, job.timepointId);
      const image = await findTimepointVolume(db, job.timepointId, "image");
      const seg = await findTimepointVolume(db, job.timepointId, "segmentation");
      if (!tp || !image || !seg) throw new Error("the timepoint needs an image and a segmentation");
      // The viewer's first paint of this CT, made now rather than when someone first opens it.
      await ensurePreview(this.opts.blobs, image.sha256, extOf(image.fileName), image.fileName);
      const read = (v: typeof image) => ({ bytes: new Uint8Array(readFileSync(this.opts.blobs.pathFor(v.sha256, extOf(v.fileName)))), fileName: v.fileName });
      const result = await this.pool.run(
        { image: read(image), segmentation: read(seg), modality: tp.modality, seed: 20261126, radiomics: SETTINGS },
        (done, total) => void reportJobProgress(db, job.id, done, total).catch(() => {}),
      );
      await storeTimepointAnalysis(db, this.opts.blobs, tp, { ...result, dims: image.dims, spacingMm: image.spacingMm, settings: SETTINGS });
      await finishJob(db, job.id, {}, new Date());
      await this.opts.onTimepointDone?.(tp.caseId);
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      this.opts.log?.(`analysis job ${job.id} failed: ${message}`);
      await finishJob(db, job.id, { error: message }, new Date()).catch(() => {});
    }
  }
}

/** The blob extension of a stored file name (".nii.gz" → "nii.gz"). */
export function extOf(fileName: string): string {
  const lower = fileName.toLowerCase();
  for (const ext of ["seg.nrrd", "nii.gz", "nii", "nrrd"]) if (lower.endsWith(`.${ext}`)) return ext;
  throw new Error(`unsupported volume file name: ${fileName.slice(0, 100)}`);
}
