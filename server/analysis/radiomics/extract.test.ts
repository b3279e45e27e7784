/** Extraction pipeline, naming and conventions (SPEC X, P, K, F, I). */
import { describe, expect, it } from "vitest";
import type { Affine, LabelMap, Volume } from "../types";
import { extractFeatures } from "./extract";
import { resampleGrid, resampleValues } from "./resample";
import { resolveSettings } from "./settings";
import { errorOf, loadPhantom } from "./test-utils";

const { image, mask } = loadPhantom();


function volume(dims: [number, number, number], f: (x: number, y: number, z: number) => number, spacing: [number, number, number] = [1, 1, 1]): Volume {
  const affine: Affine = [spacing[0], 0, 0, 0, 0, spacing[1], 0, 0, 0, 0, spacing[2], 0, 0, 0, 0, 1];
  const data = new Int16Array(dims[0] * dims[1] * dims[2]);
  for (let z = 0, i = 0; z < dims[2]; z++) for (let y = 0; y < dims[1]; y++) for (let x = 0; x < dims[0]; x++, i++) data[i] = f(x, y, z);
  return { data, dims, spacingMm: spacing, affine };
}

describe("extractFeatures", () => {
  it("[K1] PyRadiomics names: 107 features in PyRadiomics' class order", () => {
    const { features } = extractFeatures(image, mask, { binWidth: 1 });
    const keys = Object.keys(features);
    expect(keys).toHaveLength(107);
    expect(keys[0]).toMatch(/^original_shape_/);
    expect(keys).toContain("original_shape_MeshVolume");
    expect(keys).toContain("original_glcm_JointEntropy");
    expect(keys).toContain("original_firstorder_Kurtosis");
    const classes = [...new Set(keys.map((k) => k.split("_")[1]))];
    expect(classes).toEqual(["shape", "firstorder", "glcm", "gldm", "glrlm", "glszm", "ngtdm"]);
    expect(keys.every((k) => Number.isFinite(features[k]))).toBe(true);
  });

  it("[K3] IBSI mode: IBSI codes, excess kurtosis, both intensity families and NGLDM extras", () => {
    const py = extractFeatures(image, mask, { binWidth: 1 }).features;
    const ibsi = extractFeatures(image, mask, { binWidth: 1 }, { ibsi: true }).features;
    expect(ibsi.IPH6).toBeCloseTo(py.original_firstorder_Kurtosis - 3, 12);
    expect(ibsi.UR99).toBe(py.original_glcm_SumSquares);
    expect(ibsi.OEEB).toBe(py.original_glcm_ClusterTendency);
    expect(ibsi["8S9J"]).toBe(ibsi.TF7R);
    expect(ibsi["5SPA"]).toBeCloseTo(py.original_firstorder_Uniformity, 12);
    expect(ibsi["6XV8"]).toBe(1);
    expect(ibsi.RNU0).toBe(py.original_shape_MeshVolume);
    expect(Object.keys(ibsi).some((k) => k.startsWith("original_"))).toBe(false);
  });

  it("[F2] voxelArrayShift enters Energy, TotalEnergy and RMS in PyRadiomics mode only [I2]", () => {
    const shifted = extractFeatures(image, mask, { binWidth: 1, voxelArrayShift: 10 }).features;
    const plain = extractFeatures(image, mask, { binWidth: 1 }).features;
    const roi = Array.from(image.data).filter((_, i) => mask.data[i] === 1);
    expect(shifted.original_firstorder_Energy).toBe(roi.reduce((s, v) => s + (v + 10) ** 2, 0));
    expect(shifted.original_firstorder_TotalEnergy).toBe(8 * shifted.original_firstorder_Energy);
    expect(shifted.original_firstorder_Mean).toBe(plain.original_firstorder_Mean);
    const ibsi = extractFeatures(image, mask, { binWidth: 1, voxelArrayShift: 10 }, { ibsi: true }).features;
    expect(ibsi.N8CA).toBe(567);
  });

  it("[K2] featureClass selects classes and features, deprecated ones on request", () => {
    const { features } = extractFeatures(image, mask, { binWidth: 1, featureClass: { glcm: ["Idmn", "SumVariance"], firstorder: ["StandardDeviation"] } });
    expect(Object.keys(features)).toEqual(["original_firstorder_StandardDeviation", "original_glcm_Idmn"]);
    expect(features.original_firstorder_StandardDeviation ** 2).toBeCloseTo(3.045471146822498, 12);
  });

  it("[P1] a missing label is EMPTY_MASK naming the labels present", () => {
    const labels: LabelMap = { ...mask, data: Uint8Array.from(mask.data, (v) => (v ? 7 : 0)) };
    const e = errorOf(() => extractFeatures(image, labels));
    expect(e.code).toBe("EMPTY_MASK");
    expect(e.message).toMatch(/label 1 .*labels present: 7/);
    expect(extractFeatures(image, labels, { label: 7, binWidth: 1 }).features.original_firstorder_Mean).toBeCloseTo(2.1486486486486487, 15);
  });

  it("[P1] image and mask on different grids is MASK_IMAGE_MISMATCH", () => {
    const other: LabelMap = { ...mask, dims: [4, 5, 4] };
    expect(errorOf(() => extractFeatures(image, other)).code).toBe("MASK_IMAGE_MISMATCH");
  });

  it("[P3] single voxels, too few dimensions and minimumROISize are TOO_SMALL", () => {
    const one = new Uint8Array(80);
    one[0] = 1;
    expect(errorOf(() => extractFeatures(image, { ...mask, data: one })).message).toMatch(/single voxel/);
    const line = new Uint8Array(80);
    line.fill(1, 0, 5);
    expect(errorOf(() => extractFeatures(image, { ...mask, data: line })).code).toBe("TOO_SMALL");
    expect(Object.keys(extractFeatures(image, { ...mask, data: line }, { minimumROIDimensions: 1, featureClass: { firstorder: null } }).features)).toHaveLength(18);
    expect(errorOf(() => extractFeatures(image, mask, { minimumROISize: 74 })).message).toMatch(/74 voxels/);
  });

  it("[P4] [P6] re-segmentation restricts first order and texture; shape keeps the original mask", () => {
    const r = extractFeatures(image, mask, { binWidth: 1, resegmentRange: [2, 6] });
    const full = extractFeatures(image, mask, { binWidth: 1 });
    expect(r.features.original_firstorder_Minimum).toBe(3);
    // PyRadiomics crops the original mask to the re-segmented ROI's box (x 0..3 of 0..4 here: 60 of 74 voxels).
    expect(r.features.original_shape_VoxelVolume).toBe(60 * 8);
    const ibsi = extractFeatures(image, mask, { binWidth: 1, resegmentRange: [2, 6] }, { ibsi: true });
    expect(ibsi.features.YEKZ).toBe(full.features.original_shape_VoxelVolume);
    const both = extractFeatures(image, mask, { binWidth: 1, resegmentRange: [2, 6], resegmentShape: true });
    expect(both.features.original_shape_VoxelVolume).toBe(24 * 8);
    expect(r.diagnostics["diagnostics_Mask-resegmented_VoxelNum"]).toBe(24);
    expect(errorOf(() => extractFeatures(image, mask, { resegmentRange: [100] })).code).toBe("TOO_SMALL");
  });

  it("[X5] diagnostics: settings, geometry, bounding box, counts", () => {
    const d = extractFeatures(image, mask, { binWidth: 1 }).diagnostics;
    expect(d["diagnostics_Image-original_Size"]).toEqual([5, 4, 4]);
    expect(d["diagnostics_Image-original_Spacing"]).toEqual([2, 2, 2]);
    expect(d["diagnostics_Mask-original_VoxelNum"]).toBe(74);
    expect(d["diagnostics_Mask-original_BoundingBox"]).toEqual([0, 0, 0, 5, 4, 4]);
    expect(d["diagnostics_Mask-original_VolumeNum"]).toBe(1);
    expect(JSON.parse(d["diagnostics_Configuration_Settings"] as string).binWidth).toBe(1);
    expect(Object.keys(extractFeatures(image, mask, { additionalInfo: false }).diagnostics)).toHaveLength(0);
  });

  it("[P2] normalisation z-scores the whole image with the sample SD", () => {
    const v = volume([4, 4, 4], (x, y, z) => x + 4 * y + 16 * z);
    const m: LabelMap = { ...v, data: new Uint8Array(64).fill(1) };
    const f = extractFeatures(v, m, { normalize: true, featureClass: { firstorder: null } }).features;
    expect(f.original_firstorder_Mean).toBeCloseTo(0, 12);
    expect(f.original_firstorder_Variance).toBeCloseTo(63 / 64, 12);
  });
});

describe("resampling", () => {
  const s = (over: object) => resolveSettings({ resampledPixelSpacing: [2, 2, 2], interpolator: "sitkLinear", ...over });

  it("[P7] PyRadiomics' grid: clipped to the image, centres half an old voxel from the corner", () => {
    const grid = resampleGrid([10, 10, 10], [1, 1, 1], [1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1], { lo: [2, 2, 2], hi: [5, 5, 5] }, s({}))!;
    expect(grid.dims).toEqual([5, 5, 5]);
    expect(grid.originIndex).toEqual([0.5, 0.5, 0.5]);
    expect(grid.step).toEqual([2, 2, 2]);
    expect(grid.affine.slice(0, 4)).toEqual([2, 0, 0, 0.5]);
    const padless = resampleGrid([10, 10, 10], [1, 1, 1], [1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1], { lo: [2, 2, 2], hi: [5, 5, 5] }, s({ padDistance: 0 }))!;
    // lower = floor((2 - 0.5) * 0.5) = 0, upper = ceil((5 + 0.5) * 0.5) = 3.
    expect(padless.dims).toEqual([4, 4, 4]);
    expect(padless.originIndex[0]).toBe(0.5);
  });

  it("[P7] equal spacing resamples nothing; sitkBSpline is unsupported", () => {
    const id: Affine = [1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1];
    const box = { lo: [0, 0, 0] as [number, number, number], hi: [3, 3, 3] as [number, number, number] };
    expect(resampleGrid([4, 4, 4], [1, 1, 1], id, box, s({ resampledPixelSpacing: [1, 1, 0] }))).toBeNull();
    expect(errorOf(() => resampleGrid([4, 4, 4], [1, 1, 1], id, box, s({ interpolator: "sitkBSpline" }))).code).toBe("UNSUPPORTED_SETTING");
  });

  it("[P8] trilinear reproduces a linear ramp inside; nearest neighbour rounds half up", () => {
    const grid = { dims: [3, 1, 1] as [number, number, number], spacingMm: [1.5, 1, 1] as [number, number, number], originIndex: [0.25, 0, 0] as [number, number, number], step: [1.5, 1, 1] as [number, number, number], affine: [] as unknown as Affine };
    const ramp = Float64Array.of(0, 10, 20, 30);
    expect(Array.from(resampleValues(ramp, [4, 1, 1], grid, false))).toEqual([2.5, 17.5, 30]);
    expect(Array.from(resampleValues(ramp, [4, 1, 1], grid, true))).toEqual([0, 20, 30]);
  });

  it("[P8] [P9] end to end: int16 values truncated, PyRadiomics vs IBSI mask interpolation", () => {
    const v = volume([12, 12, 6], (x, y, z) => 3 * x + 7 * y + 11 * z + 1, [1, 1, 2]);
    const ball = new Uint8Array(12 * 12 * 6);
    for (let z = 0, i = 0; z < 6; z++) for (let y = 0; y < 12; y++) for (let x = 0; x < 12; x++, i++) ball[i] = (x - 5.5) ** 2 + (y - 5.5) ** 2 + ((z - 2.5) * 2) ** 2 < 20 ? 1 : 0;
    const m: LabelMap = { ...v, data: ball };
    const py = extractFeatures(v, m, { resampledPixelSpacing: [0.7, 0.7, 0.7], interpolator: "sitkLinear", binWidth: 5 });
    const ibsi = extractFeatures(v, m, { resampledPixelSpacing: [0.7, 0.7, 0.7], interpolator: "sitkLinear", binWidth: 5 }, { ibsi: true });
    expect(py.diagnostics["diagnostics_Image-interpolated_Spacing"]).toEqual([0.7, 0.7, 0.7]);
    expect(Number.isInteger(py.features.original_firstorder_Maximum)).toBe(true);
    expect(py.diagnostics["diagnostics_Mask-interpolated_VoxelNum"]).not.toBe(ibsi.diagnostics["diagnostics_Mask-interpolated_VoxelNum"]);
    expect(Object.values(ibsi.features).every(Number.isFinite)).toBe(true);
  });
});
