/**
 * Writes one demo timepoint as NIfTI files: `<outDir>/<slug>/tp<index>-day<day>_ct.nii.gz` and
 * `..._seg.nii.gz`. The NIfTI bytes come from the analysis core's writer; compression is done here
 * with node:zlib because its gzip header carries no timestamp, so the same scan always gives the
 * same file and the same SHA-256 (fflate stamps the current time into the gzip header).
 */
import { createHash } from "node:crypto";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { writeNifti } from "../analysis/imaging/nifti-write";
import { generateTimepoint } from "./ct-phantom";
import type { DemoCase } from "./story";

export interface DemoScan {
  caseSlug: string;
  timepointIndex: number;
  /** Imaging day relative to therapy start (story.ts). */
  day: number;
  /** Paths relative to the manifest's directory, with forward slashes. */
  imagePath: string;
  segPath: string;
  imageSha256: string;
  segSha256: string;
  imageBytes: number;
  segBytes: number;
  dims: [number, number, number];
  spacingMm: [number, number, number];
}

export function scanFileNames(c: DemoCase, timepointIndex: number): { image: string; seg: string } {
  const stem = `${c.slug}/tp${timepointIndex}-day${c.imagingDays[timepointIndex]}`;
  return { image: `${stem}_ct.nii.gz`, seg: `${stem}_seg.nii.gz` };
}

/** The deterministic .nii.gz bytes of one timepoint's image and label map. */
export function encodeTimepoint(c: DemoCase, timepointIndex: number): { image: Uint8Array; seg: Uint8Array; dims: [number, number, number]; spacingMm: [number, number, number] } {
  const { image, labels } = generateTimepoint(c, timepointIndex);
  const day = c.imagingDays[timepointIndex];
  // CT noise does not compress: level 1 is twice as fast as 6 for a 3 % larger file. Label maps
  // are mostly zeros and shrink fourfold more at level 6, still in milliseconds.
  const gz = (bytes: Uint8Array, level: number) => new Uint8Array(gzipSync(bytes, { level }));
  return {
    image: gz(writeNifti(image, { gzip: false, description: `Mosaic demo CT ${c.pseudonym} day ${day}` }), 1),
    seg: gz(writeNifti(labels, { gzip: false, description: `Mosaic demo lesion labels ${c.pseudonym} day ${day}` }), 6),
    dims: image.dims,
    spacingMm: image.spacingMm,
  };
}

const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

export function writeTimepointFiles(outDir: string, c: DemoCase, timepointIndex: number): DemoScan {
  const names = scanFileNames(c, timepointIndex);
  const files = encodeTimepoint(c, timepointIndex);
  mkdirSync(join(outDir, c.slug), { recursive: true });
  writeFileSync(join(outDir, names.image), files.image);
  writeFileSync(join(outDir, names.seg), files.seg);
  return {
    caseSlug: c.slug,
    timepointIndex,
    day: c.imagingDays[timepointIndex],
    imagePath: names.image,
    segPath: names.seg,
    imageSha256: sha256(files.image),
    segSha256: sha256(files.seg),
    imageBytes: files.image.length,
    segBytes: files.seg.length,
    dims: files.dims,
    spacingMm: files.spacingMm,
  };
}
