import { gunzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import type { Affine, Volume, VoxelData } from "../types";
import { readVolume } from "./read-volume";
import { writeNifti } from "./nifti-write";
import { expectAnalysisError } from "./test-utils";

const LPS_LIKE: Affine = [-0.8, 0, 0, 120.5, 0, -0.8, 0, 95.25, 0, 0, 2.5, -300, 0, 0, 0, 1];

function vol(data: VoxelData, affine: Affine = LPS_LIKE, dims: [number, number, number] = [3, 2, 2]): Volume {
  return { data, dims, spacingMm: [0.8, 0.8, 2.5], affine };
}

/** A rotation of 30 degrees about z then 20 about x, scaled by (0.7, 0.9, 3) mm, with an offset. */
function obliqueAffine(): Affine {
  const cz = Math.cos(Math.PI / 6), sz = Math.sin(Math.PI / 6);
  const cx = Math.cos(Math.PI / 9), sx = Math.sin(Math.PI / 9);
  const R = [
    [cz, -sz, 0],
    [cx * sz, cx * cz, -sx],
    [sx * sz, sx * cz, cx],
  ];
  const s = [0.7, 0.9, 3];
  const a = [0, 1, 2].flatMap((r) => [R[r][0] * s[0], R[r][1] * s[1], R[r][2] * s[2], [10, -20, 30][r]]);
  return [...a, 0, 0, 0, 1] as Affine;
}

describe("writeNifti", () => {
  it("[I1] writes a NIfTI-1 single file: sizeof_hdr 348, magic n+1, vox_offset 352, dim = [3, nx, ny, nz, 1...]", () => {
    const bytes = writeNifti(vol(new Int16Array(12)), { gzip: false });
    const v = new DataView(bytes.buffer, bytes.byteOffset);
    expect(v.getInt32(0, true)).toBe(348);
    expect(String.fromCharCode(bytes[344], bytes[345], bytes[346], bytes[347])).toBe("n+1\0");
    expect(v.getFloat32(108, true)).toBe(352);
    expect([0, 1, 2, 3, 4, 5, 6, 7].map((n) => v.getInt16(40 + 2 * n, true))).toEqual([3, 3, 2, 2, 1, 1, 1, 1]);
    expect(bytes.length).toBe(352 + 12 * 2);
  });

  const types: Array<[string, () => VoxelData, number, number]> = [
    ["Uint8Array", () => Uint8Array.from([0, 1, 255, 7, 8, 9, 10, 11, 12, 13, 14, 15]), 2, 8],
    ["Int16Array", () => Int16Array.from([-32768, -1, 0, 1, 32767, 5, 6, 7, 8, 9, 10, 11]), 4, 16],
    ["Int32Array", () => Int32Array.from([-(2 ** 31), 2 ** 31 - 1, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9]), 8, 32],
    ["Float32Array", () => Float32Array.from([-1024.5, 3.25, 0, 1e-7, NaN, 5, 6, 7, 8, 9, 10, 11]), 16, 32],
    ["Float64Array", () => Float64Array.from([Math.PI, -1e300, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9]), 64, 64],
    ["Int8Array", () => Int8Array.from([-128, 127, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9]), 256, 8],
    ["Uint16Array", () => Uint16Array.from([0, 65535, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]), 512, 16],
    ["Uint32Array", () => Uint32Array.from([0, 2 ** 32 - 1, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]), 768, 32],
  ];
  it.each(types)("[I2] %s is written with datatype %i / bitpix %i and reads back identical", (name, make, code, bitpix) => {
    const data = make();
    const bytes = writeNifti(vol(data), { gzip: false });
    const v = new DataView(bytes.buffer, bytes.byteOffset);
    expect(v.getInt16(70, true)).toBe(code);
    expect(v.getInt16(72, true)).toBe(bitpix);
    const back = readVolume(bytes, "t.nii");
    expect(back.data.constructor.name).toBe(name);
    expect(Array.from(back.data)).toEqual(Array.from(data));
  });

  it("[I3] stores the affine in both sform and qform (codes 1); each alone reads back the same affine", () => {
    for (const affine of [LPS_LIKE, obliqueAffine()]) {
      const bytes = writeNifti(vol(new Uint8Array(12), affine), { gzip: false });
      const v = new DataView(bytes.buffer, bytes.byteOffset);
      expect([v.getInt16(252, true), v.getInt16(254, true)]).toEqual([1, 1]);
      const fromSform = readVolume(bytes, "s.nii").affine;
      const qOnly = bytes.slice();
      new DataView(qOnly.buffer).setInt16(254, 0, true);
      const fromQform = readVolume(qOnly, "q.nii").affine;
      for (let n = 0; n < 16; n++) {
        expect(fromSform[n]).toBeCloseTo(affine[n], 4);
        expect(fromQform[n]).toBeCloseTo(affine[n], 4);
      }
    }
  });

  it("[I3] a left-handed grid (negative determinant, e.g. RAS from LPS) stores qfac = -1 in pixdim[0]", () => {
    const bytes = writeNifti(vol(new Uint8Array(12), [0.8, 0, 0, 0, 0, -0.8, 0, 0, 0, 0, 2.5, 0, 0, 0, 0, 1]), { gzip: false });
    expect(new DataView(bytes.buffer, bytes.byteOffset).getFloat32(76, true)).toBe(-1);
  });

  it("[I4] writes pixdim = spacing, mm units, scl_slope 1 and scl_inter 0", () => {
    const bytes = writeNifti(vol(new Uint8Array(12)), { gzip: false });
    const v = new DataView(bytes.buffer, bytes.byteOffset);
    expect([1, 2, 3].map((n) => v.getFloat32(76 + 4 * n, true))).toEqual([Math.fround(0.8), Math.fround(0.8), 2.5]);
    expect(v.getUint8(123)).toBe(2);
    expect([v.getFloat32(112, true), v.getFloat32(116, true)]).toEqual([1, 0]);
  });

  it("[I5] gzips by default and writes the description, truncated to 79 ASCII characters", () => {
    const long = "Mosaic demo CT ".repeat(10);
    const bytes = writeNifti(vol(new Int16Array(12)), { description: long });
    expect([bytes[0], bytes[1]]).toEqual([0x1f, 0x8b]);
    const plain = gunzipSync(bytes);
    const descrip = new TextDecoder().decode(plain.subarray(148, 228)).replace(/\0+$/, "");
    expect(descrip).toBe(long.slice(0, 79));
  });

  it("[I5] refuses a volume whose voxel count does not match its dims", () => {
    expectAnalysisError(() => writeNifti(vol(new Int16Array(11))), "INVALID_INPUT", /11 voxels for dims 3x2x2/);
  });
});
