import { describe, expect, it } from "vitest";
import type { Affine, LabelMap, Volume } from "../types";
import { assertSameGrid, gridMismatch, placeOnImageGrid } from "./grid";
import { readVolume } from "./read-volume";
import { expectAnalysisError, phantomFile } from "./test-utils";

const A: Affine = [-0.8, 0, 0, 120, 0, -0.8, 0, 90, 0, 0, 2.5, -300, 0, 0, 0, 1];
const image: Volume = { data: new Int16Array(60), dims: [5, 4, 3], spacingMm: [0.8, 0.8, 2.5], affine: A };
const withAffine = (affine: Affine, dims: [number, number, number] = [5, 4, 3]): LabelMap => ({ data: new Uint8Array(dims[0] * dims[1] * dims[2]), dims, spacingMm: [0.8, 0.8, 2.5], affine });

describe("assertSameGrid", () => {
  it("[I40] accepts the IBSI phantom image and mask, and a float32-rounded copy of the affine", () => {
    const img = readVolume(phantomFile("phantom.nii.gz"), "phantom.nii.gz");
    const mask = readVolume(phantomFile("Phantom-label.nrrd"), "Phantom-label.nrrd");
    expect(() => assertSameGrid(img, mask)).not.toThrow();
    const rounded = A.map((x) => Math.fround(x)) as Affine;
    expect(() => assertSameGrid(image, withAffine(rounded))).not.toThrow();
  });

  it("[I40] names the dims when they differ", () => {
    expectAnalysisError(() => assertSameGrid(image, withAffine(A, [5, 4, 4])), "MASK_IMAGE_MISMATCH", /dims differ: image 5x4x3, mask 5x4x4/);
  });

  it("[I40] names the displacement, spacing and origin when the affines differ beyond 1e-3 x spacing", () => {
    const shifted = A.slice() as Affine;
    shifted[3] += 0.5;
    expectAnalysisError(() => assertSameGrid(image, withAffine(shifted)), "MASK_IMAGE_MISMATCH", /0\.5 mm apart \(tolerance 0\.0008 mm\).*origin \(120, 90, -300\) vs \(120\.5, 90, -300\)/);
    const flipped = A.slice() as Affine;
    flipped[0] = 0.8; // same spacing, opposite x direction: only the far corners move
    expect(gridMismatch(image, withAffine(flipped))).toMatch(/voxel \(4, 0, 0\) is at \(116\.8, 90, -300\) mm in the image and \(123\.2, 90, -300\) mm in the mask/);
    const slightly = A.slice() as Affine;
    slightly[10] = 2.5 + 2e-4; // 0.4 um over 2 slices: within 0.8 um
    expect(gridMismatch(image, withAffine(slightly))).toBeNull();
    slightly[10] = 2.5 + 1e-3; // 2 um at the last slice
    expect(gridMismatch(image, withAffine(slightly))).toMatch(/affines differ/);
  });

  it("[I41] rejects a voxel array that does not match its dims", () => {
    expectAnalysisError(() => assertSameGrid(image, { ...withAffine(A), data: new Uint8Array(59) }), "INVALID_INPUT", /mask has 59 voxels but dims 5x4x3 need 60/);
  });
});

describe("placeOnImageGrid", () => {
  it("[I42] pastes a mask cropped to a whole-voxel sub-grid onto the image grid", () => {
    // Mask origin = image voxel (1, 2, 1): world = A * (1, 2, 1).
    const sub: LabelMap = { data: Uint8Array.from([0, 3, 3, 0]), dims: [2, 2, 1], spacingMm: [0.8, 0.8, 2.5], affine: [-0.8, 0, 0, 119.2, 0, -0.8, 0, 88.4, 0, 0, 2.5, -297.5, 0, 0, 0, 1] };
    const placed = placeOnImageGrid(image, sub);
    expect(placed.dims).toEqual(image.dims);
    expect(placed.data).toBeInstanceOf(Uint8Array);
    const on = [...placed.data.keys()].filter((p) => placed.data[p] !== 0);
    expect(on).toEqual([2 + 5 * (2 + 4 * 1), 1 + 5 * (3 + 4 * 1)]);
    expect(() => assertSameGrid(image, placed)).not.toThrow();
  });

  it("[I42] rejects half-voxel shifts, other spacings and labels outside the image", () => {
    const base: LabelMap = { data: Uint8Array.from([1]), dims: [1, 1, 1], spacingMm: [0.8, 0.8, 2.5], affine: A.slice() as Affine };
    const half = { ...base, affine: A.map((x, n) => (n === 3 ? x - 0.4 : x)) as Affine };
    expectAnalysisError(() => placeOnImageGrid(image, half), "MASK_IMAGE_MISMATCH", /not a whole-voxel shift/);
    const coarse = { ...base, affine: A.map((x, n) => (n === 10 ? 5 : x)) as Affine };
    expectAnalysisError(() => placeOnImageGrid(image, coarse), "MASK_IMAGE_MISMATCH", /axis 2 is not the image's axis 2/);
    const outside = { ...base, affine: A.map((x, n) => (n === 11 ? x + 2.5 * 3 : x)) as Affine };
    expectAnalysisError(() => placeOnImageGrid(image, outside), "MASK_IMAGE_MISMATCH", /lies outside the image, at image voxel \(0, 0, 3\)/);
  });
});
