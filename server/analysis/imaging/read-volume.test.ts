import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { Volume } from "../types";
import { voxelToWorld } from "./affine";
import { writeNifti } from "./nifti-write";
import { readVolume } from "./read-volume";
import { expectAnalysisError, makeNrrd, phantomFile, SCANS_DIR, SCANS_EXIST } from "./test-utils";

const phantomJson = JSON.parse(new TextDecoder().decode(phantomFile("phantom.json"))) as { image: number[]; mask: number[] };

describe("readVolume: IBSI digital phantom", () => {
  const nii = readVolume(phantomFile("phantom.nii.gz"), "phantom.nii.gz");
  const nrrd = readVolume(phantomFile("Phantom.nrrd"), "Phantom.nrrd");
  const maskNii = readVolume(phantomFile("mask.nii.gz"), "mask.nii.gz");
  const maskNrrd = readVolume(phantomFile("Phantom-label.nrrd"), "Phantom-label.nrrd");

  it("[I6] NIfTI and NRRD versions have the voxels of phantom.json (x fastest)", () => {
    for (const v of [nii, nrrd]) {
      expect(v.dims).toEqual([5, 4, 4]);
      expect(Array.from(v.data)).toEqual(phantomJson.image);
    }
    for (const m of [maskNii, maskNrrd]) expect(Array.from(m.data)).toEqual(phantomJson.mask);
    expect(phantomJson.mask.filter((x) => x === 1).length).toBe(74);
  });

  it("[I36] NIfTI and NRRD versions put every voxel at the same world coordinates (RAS mm)", () => {
    expect(nii.affine).toEqual([-2, 0, 0, 0, 0, -2, 0, 0, 0, 0, 2, 0, 0, 0, 0, 1]);
    for (const ijk of [[0, 0, 0], [4, 3, 3], [2, 1, 3]] as const) {
      expect(voxelToWorld(nrrd.affine, [...ijk])).toEqual(voxelToWorld(nii.affine, [...ijk]));
    }
    expect(maskNrrd.affine).toEqual(maskNii.affine);
    expect(nrrd.spacingMm).toEqual([2, 2, 2]);
  });

  it("[I1] [I6] round-trips through writeNifti with the same voxels, type and affine", () => {
    for (const v of [nii, nrrd, maskNrrd]) {
      const back = readVolume(writeNifti(v), "rt.nii.gz");
      expect(back.data.constructor).toBe(v.data.constructor);
      expect(Array.from(back.data)).toEqual(Array.from(v.data));
      expect(back.affine).toEqual(v.affine);
      expect(back.spacingMm).toEqual(v.spacingMm);
    }
  });
});

describe("readVolume: dispatch", () => {
  const vol: Volume = { data: Uint8Array.from([1, 2, 3, 4]), dims: [2, 2, 1], spacingMm: [1, 1, 1], affine: [1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1] };

  it("[I6] sniffs gzip whatever the NIfTI name says, and reads unknown extensions by content", () => {
    const plain = writeNifti(vol, { gzip: false });
    const zipped = writeNifti(vol);
    for (const [bytes, name] of [[zipped, "a.nii"], [plain, "b.nii.gz"], [zipped, "c.NII.GZ"], [zipped, "upload.bin"], [plain, "noext"]] as const) {
      expect(Array.from(readVolume(bytes, name).data)).toEqual([1, 2, 3, 4]);
    }
    const nrrd = makeNrrd(["type: uchar", "dimension: 3", "sizes: 2 2 1", "spacings: 1 1 1", "encoding: raw"], Uint8Array.from([1, 2, 3, 4]));
    expect(Array.from(readVolume(nrrd, "blob").data)).toEqual([1, 2, 3, 4]);
  });

  it("[I6] accepts a Node Buffer that is a view into a larger pool (byteOffset != 0)", () => {
    for (const [bytes, name] of [[writeNifti(vol, { gzip: false }), "v.nii"], [writeNifti(vol), "v.nii.gz"], [phantomFile("Phantom.nrrd"), "p.nrrd"]] as const) {
      const pool = Buffer.alloc(bytes.length + 64, 0xab);
      pool.set(bytes, 33);
      const view = pool.subarray(33, 33 + bytes.length);
      expect(Array.from(readVolume(view, name).data)).toEqual(Array.from(readVolume(bytes, name).data));
    }
  });

  it("[I6] rejects content that contradicts the name, empty files, unknown content and two-file formats", () => {
    const nrrd = makeNrrd(["type: uchar", "dimension: 3", "sizes: 2 2 1", "spacings: 1 1 1", "encoding: raw"], new Uint8Array(4));
    expectAnalysisError(() => readVolume(nrrd, "x.nii"), "CORRUPT_FILE", /named as NIfTI .*\(it is an NRRD file\)/);
    expectAnalysisError(() => readVolume(writeNifti(vol), "x.nrrd"), "CORRUPT_FILE", /named as NRRD but does not start with a NRRD header/);
    expectAnalysisError(() => readVolume(new Uint8Array(0), "e.nii"), "CORRUPT_FILE", /the file is empty/);
    expectAnalysisError(() => readVolume(new Uint8Array(1000), "z.dat"), "UNSUPPORTED_FORMAT", /not a NIfTI .* or NRRD/);
    expectAnalysisError(() => readVolume(nrrd, "x.nhdr"), "UNSUPPORTED_FORMAT", /detached NRRD header/);
    expectAnalysisError(() => readVolume(new Uint8Array(348), "x.hdr"), "UNSUPPORTED_FORMAT", /two-file/);
  });
});

function countNonZero(v: Volume): { count: number; labels: number[] } {
  let count = 0;
  const labels = new Set<number>();
  for (let n = 0; n < v.data.length; n++) {
    if (v.data[n] !== 0) {
      count++;
      labels.add(v.data[n]);
    }
  }
  return { count, labels: [...labels].sort((a, b) => a - b) };
}

const read = (rel: string) => readVolume(new Uint8Array(readFileSync(SCANS_DIR + rel)), rel);

describe.skipIf(!SCANS_EXIST)(`readVolume: reference scans (${SCANS_EXIST ? SCANS_DIR : "skipped: ../shared/reference-data/scans not found"})`, () => {
  it("[I6] IBSI CT phantom: float32 NIfTI, 204x201x60, 0.977x0.977x3.0 mm, 125,256 ROI voxels", () => {
    const ct = read("ibsi-ct-phantom/phantom.nii.gz");
    const mask = read("ibsi-ct-phantom/mask.nii.gz");
    expect(ct.data).toBeInstanceOf(Float32Array);
    expect(ct.dims).toEqual([204, 201, 60]);
    [0.977, 0.977, 3.0].forEach((s, n) => expect(ct.spacingMm[n]).toBeCloseTo(s, 3));
    expect(mask.dims).toEqual(ct.dims);
    expect(mask.affine).toEqual(ct.affine);
    expect(countNonZero(mask).count).toBe(125256);
  });

  const cases: Array<[string, [number, number, number], [number, number, number], number, number[]]> = [
    ["brain1", [256, 256, 25], [0.78, 0.78, 6.5], 4137, [1]],
    ["brain2", [256, 256, 23], [0.78, 0.78, 6.5], 453, [1]],
    ["breast1", [45, 120, 21], [0.66, 0.66, 2.1], 143, [1]],
  ];
  it.each(cases)("[I34] [I36] %s: gzip NRRD in LPS, dims %j, spacing %j, %i ROI voxels", (name, dims, spacing, count, labels) => {
    const img = read(`pyradiomics/${name}_image.nrrd`);
    const lab = read(`pyradiomics/${name}_label.nrrd`);
    expect(img.dims).toEqual(dims);
    spacing.forEach((s, n) => expect(img.spacingMm[n]).toBeCloseTo(s, 1));
    expect(lab.affine).toEqual(img.affine);
    expect(countNonZero(lab)).toEqual({ count, labels });
  });

  it("[I36] brain1: the LPS header becomes RAS (x and y negated)", () => {
    // Header: space directions (0.78125,0,0) (0,-0.78125,0) (0,0,6.5), origin (-99.609375, 99.609375, -78).
    const a = read("pyradiomics/brain1_image.nrrd").affine;
    const expected = [-0.78125, 0, 0, 99.609375, 0, 0.78125, 0, -99.609375, 0, 0, 6.5, -78];
    expected.forEach((e, n) => expect(a[n]).toBeCloseTo(e, 9));
  });

  it("[I34] prostate phantom: 82x67x13 at 0.5x0.5x3 mm, labels {1,7,8,9}", () => {
    const img = read("pyradiomics/prostate_phantom_subvolume.nrrd");
    const lab = read("pyradiomics/prostate_phantom_subvolume-label.nrrd");
    expect(img.dims).toEqual([82, 67, 13]);
    expect(img.spacingMm).toEqual([0.5, 0.5, 3]);
    expect(img.data).toBeInstanceOf(Uint16Array);
    expect(countNonZero(lab).labels).toEqual([1, 7, 8, 9]);
  });
});
