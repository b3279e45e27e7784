import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { Vec3 } from "../types";
import { shapeFeatures } from "./morphology";
import { readVolume } from "./read-volume";
import { PHANTOM_DIR, phantomFile, SCANS_DIR, SCANS_EXIST } from "./test-utils";

/** Minimal RFC 4180 reader: the reference table quotes fields that contain commas. */
function parseCsv(text: string): Record<string, string>[] {
  const rows: string[][] = [];
  let row: string[] = [], field = "", quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') { field += '"'; i++; } else if (ch === '"') quoted = false; else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") { row.push(field); field = ""; }
    else if (ch === "\n") { row.push(field); rows.push(row); row = []; field = ""; }
    else if (ch !== "\r") field += ch;
  }
  if (field || row.length) { row.push(field); rows.push(row); }
  const [head, ...body] = rows;
  return body.filter((r) => r.length === head.length).map((r) => Object.fromEntries(head.map((h, n) => [h, r[n]])));
}

// Source: IBSI chapter 1 consensus reference values for the digital phantom (Zwanenburg et al.,
// Radiology 2020; theibsi/data_sets), copied with the phantom; PyRadiomics column from the 2019 round.
const reference = parseCsv(readFileSync(PHANTOM_DIR + "reference_values.csv", "utf8")).filter((r) => r.family === "morphology");
const mapping = new Map(
  parseCsv(readFileSync(PHANTOM_DIR + "mapping_phantom.csv", "utf8")).map((r) => [r.tag, r.pyradiomics_feature.replace("3D_original_shape_", "")]),
);
/** PyRadiomics shape features that are deprecated there and not part of Mosaic's PyRadiomics set. */
const DEPRECATED_IN_PYRADIOMICS = new Set(["Compactness1", "Compactness2", "SphericalDisproportion"]);

const maskVol = readVolume(phantomFile("mask.nii.gz"), "mask.nii.gz");
const image = readVolume(phantomFile("phantom.nii.gz"), "phantom.nii.gz");
const roi = Uint8Array.from(maskVol.data, (v) => (v === 1 ? 1 : 0));
const ibsi = shapeFeatures(roi, maskVol.dims, maskVol.spacingMm, { mode: "ibsi", intensities: image.data });
const pyr = shapeFeatures(roi, maskVol.dims, maskVol.spacingMm, { mode: "pyradiomics", intensities: image.data });

describe("shapeFeatures: IBSI digital phantom conformance", () => {
  it("[I73] covers every morphology row of the reference table (25 rows)", () => {
    expect(reference.length).toBe(25);
    for (const r of reference) expect(ibsi.ibsi, `${r.feature} ${r.ibsi_code}`).toHaveProperty([r.ibsi_code]);
  });

  it.each(reference.map((r) => [r.feature, r.ibsi_code, Number(r.value), Number(r.tolerance)] as const))(
    "[I73] IBSI mode: %s (%s) = %f +- %f",
    (_name, code, value, tol) => {
      expect(Math.abs(ibsi.ibsi[code] - value)).toBeLessThanOrEqual(tol);
    },
  );

  const withPyradiomics = reference.filter((r) => r.pyradiomics_value_2019 !== "");
  it.each(withPyradiomics.map((r) => [r.feature, r.ibsi_code, Number(r.pyradiomics_value_2019), Number(r.tolerance), r.ibsi_submission_tag] as const))(
    "[I74] PyRadiomics mode: %s (%s) = PyRadiomics 2019 value %f +- %f, under its IBSI code and its PyRadiomics name",
    (_name, code, value, tol, tag) => {
      expect(Math.abs(pyr.ibsi[code] - value)).toBeLessThanOrEqual(tol);
      const name = mapping.get(tag)!;
      expect(name).toBeDefined();
      if (!DEPRECATED_IN_PYRADIOMICS.has(name)) expect(pyr.pyradiomics[name]).toBe(pyr.ibsi[code]);
    },
  );

  it("[I66] the modes differ only by the PCA divisor: axis lengths scale by sqrt(N / (N - 1))", () => {
    const n = 74;
    expect(ibsi.pyradiomics.MajorAxisLength / pyr.pyradiomics.MajorAxisLength).toBeCloseTo(Math.sqrt(n / (n - 1)), 12);
    expect(ibsi.pyradiomics.Elongation).toBeCloseTo(pyr.pyradiomics.Elongation, 12);
    expect(ibsi.pyradiomics.MeshVolume).toBe(pyr.pyradiomics.MeshVolume);
    expect(Object.keys(pyr.pyradiomics).sort()).toEqual([
      "Elongation", "Flatness", "LeastAxisLength", "MajorAxisLength", "Maximum2DDiameterColumn", "Maximum2DDiameterRow",
      "Maximum2DDiameterSlice", "Maximum3DDiameter", "MeshVolume", "MinorAxisLength", "Sphericity", "SurfaceArea",
      "SurfaceVolumeRatio", "VoxelVolume",
    ]);
  });

  it("[I71] the intensity mask, not the morphological mask, drives KLMA and 99N0", () => {
    const im = roi.slice();
    const dropped = im.findIndex((v) => v === 1);
    im[dropped] = 0;
    const f = shapeFeatures(roi, maskVol.dims, maskVol.spacingMm, { mode: "ibsi", intensities: image.data, intensityMask: im }).ibsi;
    let sum = 0, n = 0;
    for (let p = 0; p < im.length; p++) if (im[p]) { sum += image.data[p]; n++; }
    expect(f["99N0"]).toBeCloseTo(ibsi.ibsi.RNU0 * (sum / n), 9);
    expect(f.RNU0).toBe(ibsi.ibsi.RNU0);
  });

  it("[I71] [I72] intensity features are left out without intensities, Moran/Geary above the voxel cap", () => {
    const none = shapeFeatures(roi, maskVol.dims, maskVol.spacingMm, { mode: "ibsi" });
    for (const code of ["KLMA", "99N0", "N365", "NPT7"]) expect(none.ibsi).not.toHaveProperty([code]);
    const capped = shapeFeatures(roi, maskVol.dims, maskVol.spacingMm, { mode: "ibsi", intensities: image.data, autocorrelationMaxVoxels: 73 });
    expect(capped.ibsi).toHaveProperty(["KLMA"]);
    expect(capped.ibsi).not.toHaveProperty(["N365"]);
  });
});

function sphere(n: number, r: number): Uint8Array {
  const m = new Uint8Array(n * n * n), c = (n - 1) / 2;
  for (let z = 0; z < n; z++) for (let y = 0; y < n; y++) for (let x = 0; x < n; x++) {
    if ((x - c) ** 2 + (y - c) ** 2 + (z - c) ** 2 <= r * r) m[x + n * (y + n * z)] = 1;
  }
  return m;
}

describe("shapeFeatures: geometry", () => {
  it("[I67] a voxelised ball of radius 20 mm has mesh volume, area and diameter close to the ideal ball", () => {
    const sp: Vec3 = [0.5, 0.5, 0.5];
    const f = shapeFeatures(sphere(84, 40), [84, 84, 84], sp, { mode: "ibsi" }).ibsi;
    expect(f.RNU0 / ((4 / 3) * Math.PI * 20 ** 3)).toBeCloseTo(1, 1);
    expect(Math.abs(f.L0JK - 40)).toBeLessThan(1);
    expect(f.QCFX).toBeGreaterThan(0.9);
    expect(f.R3ER).toBeGreaterThan(0.95);
  });

  // Speed is measured by `npm run bench` (the 1M-voxel ROI row), not asserted here.
  it("[I68] a 1M-voxel ball: diameter from the convex hull matches the sphere", () => {
    const n = 132, mask = sphere(n, 62.03);
    const f = shapeFeatures(mask, [n, n, n], [1, 1, 1], { mode: "pyradiomics" });
    expect(f.pyradiomics.VoxelVolume).toBeGreaterThan(999_000);
    expect(Math.abs(f.pyradiomics.Maximum3DDiameter - 2 * 62.03)).toBeLessThan(1.5);
  });
});

// Source: IBSI reference manual, morphological features, "config. A" column (IBSI CT phantom,
// PAT1 GTV-1, no interpolation; intensity mask re-segmented to [-500, 400] HU after rounding):
// https://ibsi.readthedocs.io/en/latest/03_Image_features.html (Tables 3-25).
const CONFIG_A: Array<[string, string, number, number]> = [
  ["Volume (mesh)", "RNU0", 3.58e5, 5e3],
  ["Volume (voxel counting)", "YEKZ", 3.59e5, 5e3],
  ["Surface area (mesh)", "C0JK", 3.57e4, 300],
  ["Surface to volume ratio", "2PR5", 0.0996, 0.0005],
  ["Compactness 1", "SKGS", 0.03, 0.0001],
  ["Compactness 2", "BQWJ", 0.319, 0.001],
  ["Spherical disproportion", "KRCK", 1.46, 0.01],
  ["Sphericity", "QCFX", 0.683, 0.001],
  ["Asphericity", "25C7", 0.463, 0.002],
  ["Centre of mass shift", "KLMA", 52.9, 28.7],
  ["Maximum 3D diameter", "L0JK", 125, 1],
  ["Major axis length", "TDIC", 92.7, 0.4],
  ["Minor axis length", "P9VJ", 81.5, 0.4],
  ["Least axis length", "7J51", 70.1, 0.3],
  ["Elongation", "Q3CK", 0.879, 0.001],
  ["Flatness", "N17B", 0.756, 0.001],
  ["Volume density (AABB)", "PBX1", 0.486, 0.003],
  ["Area density (AABB)", "R59B", 0.725, 0.003],
  ["Volume density (AEE)", "6BDE", 1.29, 0.01],
  ["Area density (AEE)", "RDD2", 1.71, 0.01],
  ["Volume density (convex hull)", "R3ER", 0.827, 0.001],
  ["Area density (convex hull)", "7T7F", 1.18, 0.01],
  ["Integrated intensity", "99N0", 4.81e6, 3.2e5],
];

describe.skipIf(!SCANS_EXIST)(`shapeFeatures: IBSI CT phantom, config. A (${SCANS_EXIST ? "present" : "skipped: " + SCANS_DIR + " not found"})`, () => {
  const read = (f: string) => readVolume(new Uint8Array(readFileSync(SCANS_DIR + "ibsi-ct-phantom/" + f)), f);
  // Computed lazily so that a missing folder skips instead of failing at collection.
  let features: Record<string, number> | undefined;
  const ctFeatures = () => {
    if (features) return features;
    const mask = read("mask.nii.gz"), ct = read("phantom.nii.gz");
    const hu = Float64Array.from(ct.data, Math.round);
    const intensityMask = Uint8Array.from(mask.data, (v, i) => (v !== 0 && hu[i] >= -500 && hu[i] <= 400 ? 1 : 0));
    // Moran's I / Geary's C are O(N^2) on 114,596 voxels: left out by the cap (0 here).
    features = shapeFeatures(mask.data, mask.dims, mask.spacingMm, { mode: "ibsi", intensities: hu, intensityMask, autocorrelationMaxVoxels: 0 }).ibsi;
    return features;
  };

  it.each(CONFIG_A)("[I73] %s (%s) = %f +- %f", (_name, code, value, tol) => {
    expect(Math.abs(ctFeatures()[code] - value)).toBeLessThanOrEqual(tol);
  });
});
