/**
 * The demo's imaging: for every timepoint of every demo case, the generated CT and its lesion
 * label map are stored as NIfTI files (by SHA-256) and an analysis job is queued, so the first
 * start ends with real, analysed volumes behind every case. Generation runs in two worker
 * threads; the files are written to a scratch folder, then stored content-addressed.
 */
import { readFileSync, rmSync } from "node:fs";
import { randomBytes } from "node:crypto";
import path from "node:path";
import type { Db } from "@/db/client";
import { putVolume } from "@/db/repositories/imaging";
import { enqueueJob } from "@/db/repositories/jobs";
import type { BlobStore } from "../storage/blobs";
import { writeDemoScans } from "./generate";
import type { SeedResult } from "./seed";

export async function seedDemoScans(db: Db, blobs: BlobStore, seeded: SeedResult, scratchParent: string, log: (line: string) => void = () => {}): Promise<void> {
  const started = Date.now();
  const scratch = path.join(scratchParent, `demo-scans-${randomBytes(4).toString("hex")}`);
  try {
    const manifest = await writeDemoScans(scratch);
    for (const c of seeded.cases) {
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
