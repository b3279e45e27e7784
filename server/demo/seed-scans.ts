/**
 * The demo's imaging: for every timepoint of every demo case, the generated CT and its lesion
 * label map are stored as NIfTI files (by SHA-256) and an analysis job is queued, so the first
 * start ends with real, analysed volumes behind every case. Generation runs in two worker
 * threads; the files are written to a scratch folder, then stored content-addressed, one
 * timepoint per transaction. If a start was interrupted before every scan was stored, the next
 * start finds the timepoints still without a CT (`demoScansMissing`) and generates those.
 */
import { readFileSync, rmSync } from "node:fs";
import { randomBytes } from "node:crypto";
import path from "node:path";
import type { Db } from "@/db/client";
import { listPatientTimepointImages, putVolume } from "@/db/repositories/imaging";
import { enqueueJob } from "@/db/repositories/jobs";
import type { BlobStore } from "../storage/blobs";
import { writeDemoScans } from "./generate";
import { demoCases } from "./story";

/** The demo timepoints to store scans for: the case's story (slug) and each timepoint's index in it. */
export interface DemoScanTarget {
  slug: string;
  timepoints: { id: string; index: number }[];
}

/** Demo timepoints without a stored CT (none after a complete first start). */
export async function demoScansMissing(db: Db): Promise<DemoScanTarget[]> {
  const targets: DemoScanTarget[] = [];
  for (const c of demoCases) {
    const rows = await listPatientTimepointImages(db, c.pseudonym);
    // The story's timepoints in date order; a case edited beyond the story is left alone.
    if (rows.length !== c.imagingDays.length || new Set(rows.map((r) => r.caseId)).size !== 1) continue;
    const missing = rows.flatMap((r, index) => (r.hasImage ? [] : [{ id: r.timepointId, index }]));
    if (missing.length > 0) targets.push({ slug: c.slug, timepoints: missing });
  }
  return targets;
}

export async function seedDemoScans(db: Db, blobs: BlobStore, targets: DemoScanTarget[], scratchParent: string, log: (line: string) => void = () => {}): Promise<void> {
  const started = Date.now();
  const scratch = path.join(scratchParent, `demo-scans-${randomBytes(4).toString("hex")}`);
  try {
    const manifest = await writeDemoScans(scratch);
    for (const c of targets) {
      for (const tp of c.timepoints) {
        const scan = manifest.scans.find((s) => s.caseSlug === c.slug && s.timepointIndex === tp.index);
        if (!scan) throw new Error(`the demo generator wrote no scan for ${c.slug} timepoint ${tp.index}`);
        const img = blobs.put(readFileSync(path.join(scratch, scan.imagePath)), "nii.gz");
        const seg = blobs.put(readFileSync(path.join(scratch, scan.segPath)), "nii.gz");
        const meta = { dims: scan.dims, spacingMm: scan.spacingMm };
        await db.transaction(async (tx) => {
          const t = tx as unknown as Db;
          await putVolume(t, { timepointId: tp.id, kind: "image", sha256: img.sha256, byteSize: img.byteSize, fileName: path.basename(scan.imagePath), ...meta });
          await putVolume(t, { timepointId: tp.id, kind: "segmentation", sha256: seg.sha256, byteSize: seg.byteSize, fileName: path.basename(scan.segPath), ...meta });
          await enqueueJob(t, tp.id);
        });
      }
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  log(`generated the demo scans in ${((Date.now() - started) / 1000).toFixed(1)} s; analysing them in the background`);
}
