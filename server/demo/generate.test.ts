import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { readVolume } from "../analysis/imaging/read-volume";
import { writeDemoScans } from "./generate";
import { scanAffine, SCAN_DIMS } from "./scan-grid";
import { demoCases, type DemoCase } from "./story";

/** The melanoma case cut to its first two timepoints: a small cohort that still has a new lesion. */
const melanoma = demoCases.find((c) => c.slug === "melanoma-ici")!;
const small: DemoCase = {
  ...melanoma,
  imagingDays: melanoma.imagingDays.slice(0, 2),
  lesions: melanoma.lesions.map((l) => ({ ...l, sizesMm: l.sizesMm.slice(0, 2) })),
};

/** Each test builds an anatomy (a few seconds, more on a busy machine). */
const SLOW_MS = 180_000;

const dirs: string[] = [];
const tempDir = () => {
  const d = mkdtempSync(join(tmpdir(), "mosaic-demo-"));
  dirs.push(d);
  return d;
};
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

describe("writeDemoScans", () => {
  let inProcess: Awaited<ReturnType<typeof writeDemoScans>>;

  it("writes tp<index>-day<day> image and label files that read back on the scan grid", async () => {
    const out = tempDir();
    inProcess = await writeDemoScans(out, { cases: [small], workers: 0 });
    expect(inProcess.scans.map((s) => s.imagePath)).toEqual(["melanoma-ici/tp0-day-7_ct.nii.gz", "melanoma-ici/tp1-day70_ct.nii.gz"]);
    expect(inProcess.scans.map((s) => s.segPath)).toEqual(["melanoma-ici/tp0-day-7_seg.nii.gz", "melanoma-ici/tp1-day70_seg.nii.gz"]);
    for (const scan of inProcess.scans) {
      const imageBytes = readFileSync(join(out, scan.imagePath));
      const segBytes = readFileSync(join(out, scan.segPath));
      expect(createHash("sha256").update(imageBytes).digest("hex")).toBe(scan.imageSha256);
      expect(createHash("sha256").update(segBytes).digest("hex")).toBe(scan.segSha256);
      const image = readVolume(imageBytes, scan.imagePath);
      const seg = readVolume(segBytes, scan.segPath);
      expect(image.dims).toEqual(SCAN_DIMS);
      expect(image.data).toBeInstanceOf(Int16Array);
      expect(seg.data).toBeInstanceOf(Uint8Array);
      for (const v of [image, seg]) {
        v.affine.forEach((a, n) => expect(a).toBeCloseTo(scanAffine()[n], 4));
        expect(v.spacingMm[0]).toBeCloseTo(0.9, 5);
        expect(v.spacingMm[2]).toBeCloseTo(5, 5);
      }
      const labels = new Set(seg.data);
      labels.delete(0);
      const expected = small.lesions.filter((l) => (l.sizesMm[scan.timepointIndex] ?? 0) > 0).map((l) => l.label);
      expect([...labels].sort()).toEqual(expected.sort());
    }
    const manifest = JSON.parse(readFileSync(inProcess.manifestPath, "utf8"));
    expect(manifest.scans).toEqual(inProcess.scans);
  }, SLOW_MS);

  it("gives byte-identical files from worker threads and from this thread", async () => {
    const viaWorkers = await writeDemoScans(tempDir(), { cases: [small], workers: 2 });
    expect(viaWorkers.scans.map((s) => [s.imageSha256, s.segSha256])).toEqual(inProcess.scans.map((s) => [s.imageSha256, s.segSha256]));
  }, SLOW_MS);
});
