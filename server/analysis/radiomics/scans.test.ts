/**
 * Smoke test on real scans from ../shared/reference-data/scans (IBSI CT phantom PAT1, CC BY-NC 3.0,
 * Lambin et al. 2017; PyRadiomics regression data, BSD-3-Clause): every family yields finite values
 * in both naming modes. Expected values are deliberately not provided there; skipped without the folder.
 */
import { existsSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { readVolume } from "../imaging/read-volume";
import type { Volume } from "../types";
import { extractFeatures } from "./extract";
import { SCANS_DIR, SCANS_EXIST } from "./test-utils";

function read(path: string): Volume {
  return readVolume(new Uint8Array(readFileSync(SCANS_DIR + path)), path);
}

const CASES: { name: string; image: string; mask: string; labels: number[]; round?: boolean }[] = [
  // The README asks for the CT phantom's float32 intensities to be rounded to integers first.
  { name: "IBSI CT phantom PAT1", image: "ibsi-ct-phantom/phantom.nii.gz", mask: "ibsi-ct-phantom/mask.nii.gz", labels: [1], round: true },
  { name: "brain1 MR", image: "pyradiomics/brain1_image.nrrd", mask: "pyradiomics/brain1_label.nrrd", labels: [1] },
  { name: "brain2 MR", image: "pyradiomics/brain2_image.nrrd", mask: "pyradiomics/brain2_label.nrrd", labels: [1] },
  { name: "breast1 MR", image: "pyradiomics/breast1_image.nrrd", mask: "pyradiomics/breast1_label.nrrd", labels: [1] },
  { name: "prostate phantom", image: "pyradiomics/prostate_phantom_subvolume.nrrd", mask: "pyradiomics/prostate_phantom_subvolume-label.nrrd", labels: [1, 7, 8, 9] },
];

describe.skipIf(!SCANS_EXIST)("real scans (reference-data/scans)", () => {
  for (const c of CASES) {
    const present = existsSync(SCANS_DIR + c.image) && existsSync(SCANS_DIR + c.mask);
    it.skipIf(!present)(`[X1] ${c.name}: every family finite in both modes`, () => {
      const image = read(c.image);
      const mask = read(c.mask);
      if (c.round) image.data = Int16Array.from(image.data, Math.round);
      for (const label of c.labels) {
        const py = extractFeatures(image, mask, { label });
        const ibsi = extractFeatures(image, mask, { label }, { ibsi: true });
        for (const [mode, r, expected] of [["pyradiomics", py, 107], ["ibsi", ibsi, 0]] as const) {
          const bad = Object.entries(r.features).filter(([, v]) => !Number.isFinite(v));
          expect(bad, `${c.name} label ${label} ${mode}: non-finite ${bad.map(([k]) => k).join(", ")}`).toEqual([]);
          if (expected) expect(Object.keys(r.features)).toHaveLength(expected);
        }
        for (const family of ["shape", "firstorder", "glcm", "gldm", "glrlm", "glszm", "ngtdm"]) {
          expect(Object.keys(py.features).some((k) => k.startsWith(`original_${family}_`)), family).toBe(true);
        }
        for (const code of ["Q4LE", "X6K6", "GYBY", "22OV", "5QRC", "QCDE", "SODN", "RNU0"]) expect(ibsi.features[code], code).toBeTypeOf("number");
      }
    });
  }
  if (!SCANS_EXIST) console.info(`reference scans not found at ${SCANS_DIR}: skipped`);
});
