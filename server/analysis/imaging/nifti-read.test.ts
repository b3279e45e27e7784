import { describe, expect, it } from "vitest";
import type { Affine, Volume } from "../types";
import { writeNifti } from "./nifti-write";
import { readVolume } from "./read-volume";
import { bytesOf, expectAnalysisError, gz, makeNifti2 } from "./test-utils";

const AFF: Affine = [-0.5, 0, 0, 10, 0, -0.5, 0, 20, 0, 0, 2, -30, 0, 0, 0, 1];
const base: Volume = { data: Int16Array.from({ length: 24 }, (_, n) => n * 10 - 100), dims: [4, 3, 2], spacingMm: [0.5, 0.5, 2], affine: AFF };

/** The uncompressed writer output, patched through a DataView. */
function patched(edit: (v: DataView, bytes: Uint8Array) => void, vol: Volume = base): Uint8Array {
  const bytes = writeNifti(vol, { gzip: false });
  edit(new DataView(bytes.buffer, bytes.byteOffset), bytes);
  return bytes;
}

/** Rewrites a little-endian NIfTI-1 (from writeNifti) as big-endian. */
function toBigEndian(le: Uint8Array, width: number): Uint8Array {
  const out = le.slice();
  const swap = (at: number, w: number) => out.set(le.subarray(at, at + w).slice().reverse(), at);
  swap(0, 4);
  for (let n = 0; n < 8; n++) swap(40 + 2 * n, 2);
  for (const at of [68, 70, 72, 74, 120, 252, 254]) swap(at, 2);
  for (let at = 56; at < 68; at += 4) swap(at, 4);
  for (let at = 76; at < 148; at += 4) swap(at, 4);
  for (let at = 256; at < 328; at += 4) swap(at, 4);
  for (let at = 352; at < out.length; at += width) swap(at, width);
  return out;
}

describe("readVolume: NIfTI", () => {
  it("[I7] reads int64 into a Float64Array and rejects values beyond 2^53", () => {
    const ints = BigInt64Array.from([-5n, 0n, 2n ** 53n, 7n]);
    const make = (vals: BigInt64Array) =>
      patched((v, b) => {
        v.setInt16(70, 1024, true);
        v.setInt16(72, 64, true);
        [2, 2, 1].forEach((d, n) => v.setInt16(42 + 2 * n, d, true));
        b.set(bytesOf(vals), 352);
      }, { ...base, data: new Int16Array(16), dims: [4, 2, 2] });
    const vol = readVolume(make(ints), "i64.nii");
    expect(vol.data).toBeInstanceOf(Float64Array);
    expect(Array.from(vol.data)).toEqual([-5, 0, 2 ** 53, 7]);
    expectAnalysisError(() => readVolume(make(BigInt64Array.from([1n, 2n ** 53n + 1n, 0n, 0n])), "big.nii"), "UNSUPPORTED_FORMAT", /int64 voxel 1 has value 9007199254740993/);
  });

  it("[I7] rejects unsupported datatypes (complex64, RGB24) and a bitpix that contradicts the datatype", () => {
    expectAnalysisError(() => readVolume(patched((v) => v.setInt16(70, 32, true)), "c.nii"), "UNSUPPORTED_FORMAT", /datatype 32 \(complex64\)/);
    expectAnalysisError(() => readVolume(patched((v) => v.setInt16(70, 128, true)), "rgb.nii"), "UNSUPPORTED_FORMAT", /datatype 128 \(RGB24\)/);
    expectAnalysisError(() => readVolume(patched((v) => v.setInt16(70, 999, true)), "u.nii"), "UNSUPPORTED_FORMAT", /datatype 999 \(unknown\)/);
    expectAnalysisError(() => readVolume(patched((v) => v.setInt16(72, 32, true)), "b.nii"), "CORRUPT_FILE", /bitpix 32 does not match datatype 4 \(int16, 16 bits\)/);
  });

  it("[I8] accepts trailing singleton dims, reads 2D as nz = 1, rejects 4D series and sizes <= 0", () => {
    const v4 = readVolume(patched((v) => v.setInt16(40, 4, true)), "t.nii");
    expect(v4.dims).toEqual([4, 3, 2]);
    const twoD = readVolume(patched((v) => { v.setInt16(40, 2, true); v.setInt16(44, 6, true); }), "2d.nii");
    expect(twoD.dims).toEqual([4, 6, 1]);
    expectAnalysisError(() => readVolume(patched((v) => { v.setInt16(40, 4, true); v.setInt16(48, 3, true); }), "4d.nii"), "UNSUPPORTED_FORMAT", /dim\[4\] = 3; only 3D/);
    expectAnalysisError(() => readVolume(patched((v) => v.setInt16(44, 0, true)), "z.nii"), "CORRUPT_FILE", /dim\[2\] = 0/);
    expectAnalysisError(() => readVolume(patched((v) => v.setInt16(42, -4, true)), "n.nii"), "CORRUPT_FILE", /dim\[1\] = -4/);
    expectAnalysisError(() => readVolume(patched((v) => v.setInt16(40, 9, true)), "d.nii"), "CORRUPT_FILE", /dim\[0\] = 9/);
  });

  it("[I9] uses the sform when sform_code > 0 even if the qform disagrees", () => {
    const bytes = patched((v) => v.setFloat32(268, 999, true)); // qoffset_x
    expect(readVolume(bytes, "s.nii").affine).toEqual(AFF);
  });

  it("[I9] falls back to the qform, then to pixdim on the diagonal", () => {
    const q = patched((v) => { v.setInt16(254, 0, true); v.setFloat32(268, 999, true); });
    expect(readVolume(q, "q.nii").affine[3]).toBeCloseTo(999, 6);
    const p = patched((v) => { v.setInt16(252, 0, true); v.setInt16(254, 0, true); });
    expect(readVolume(p, "p.nii").affine).toEqual([0.5, 0, 0, 0, 0, 0.5, 0, 0, 0, 0, 2, 0, 0, 0, 0, 1]);
  });

  it("[I10] converts metre and micron spatial units to mm", () => {
    const m = readVolume(patched((v) => v.setUint8(123, 1)), "m.nii");
    expect(m.spacingMm).toEqual([500, 500, 2000]);
    expect(m.affine[3]).toBe(10000);
    const um = readVolume(patched((v) => v.setUint8(123, 3)), "um.nii");
    expect(um.spacingMm[2]).toBeCloseTo(0.002, 12);
  });

  it("[I11] applies scl_slope/scl_inter into a Float32Array; keeps the native array for (1, 0), slope 0 and NaN", () => {
    const scaled = readVolume(patched((v) => { v.setFloat32(112, 2, true); v.setFloat32(116, -1024, true); }), "s.nii");
    expect(scaled.data).toBeInstanceOf(Float32Array);
    expect(Array.from(scaled.data.slice(0, 3))).toEqual([-1224, -1204, -1184]);
    for (const slope of [1, 0, NaN]) {
      const v = readVolume(patched((dv) => dv.setFloat32(112, slope, true)), "n.nii");
      expect(v.data).toBeInstanceOf(Int16Array);
      expect(Array.from(v.data)).toEqual(Array.from(base.data));
    }
    expectAnalysisError(() => readVolume(patched((v) => v.setFloat32(112, Infinity, true)), "i.nii"), "CORRUPT_FILE", /scl_slope is Infinity/);
  });

  it("[I12] spacing is the column norms of the affine (oblique sform)", () => {
    const c = Math.SQRT1_2;
    const oblique: Affine = [c, -c, 0, 0, c, c, 0, 0, 0, 0, 3, 0, 0, 0, 0, 1];
    const v = readVolume(writeNifti({ ...base, affine: oblique }), "o.nii.gz");
    v.spacingMm.forEach((s, n) => expect(s).toBeCloseTo([1, 1, 3][n], 6));
  });

  it("[I13] rejects a non-finite sform, a zero-length axis and NaN or zero pixdim when the qform is used", () => {
    expectAnalysisError(() => readVolume(patched((v) => v.setFloat32(284, NaN, true)), "nan.nii"), "CORRUPT_FILE", /sform.*affine entry \[0\]\[1\] is NaN/);
    expectAnalysisError(() => readVolume(patched((v) => { v.setFloat32(280, 0, true); }), "zero.nii"), "CORRUPT_FILE", /spacing along axis 0 is 0 mm/);
    const qonly = (edit: (v: DataView) => void) => patched((v) => { v.setInt16(254, 0, true); edit(v); });
    expectAnalysisError(() => readVolume(qonly((v) => v.setFloat32(84, NaN, true)), "nanpix.nii"), "CORRUPT_FILE", /pixdim\[2\] is NaN/);
    expectAnalysisError(() => readVolume(qonly((v) => v.setFloat32(88, 0, true)), "zeropix.nii"), "CORRUPT_FILE", /pixdim\[3\] is 0/);
  });

  it("[I14] reads NIfTI-2 with sform, qform and scaling", () => {
    const data = bytesOf(Float32Array.from([1.5, -2, 3, 4, 5, 6, 7, 8]));
    const sform: Affine = [-1.25, 0, 0, 5, 0, 1.5, 0, -6, 0, 0, 2.5, 7, 0, 0, 0, 1];
    const s = readVolume(makeNifti2({ dims: [2, 2, 2], datatype: 16, bitpix: 32, data, sform }), "v2.nii");
    expect(s.affine).toEqual(sform);
    expect(Array.from(s.data)).toEqual([1.5, -2, 3, 4, 5, 6, 7, 8]);
    const q = readVolume(gz(makeNifti2({ dims: [2, 2, 2], datatype: 16, bitpix: 32, data, pixdim: [-1, 2, 3, 4], qform: { b: 0, c: 0, d: 1, offset: [1, 2, 3] }, slope: 2, inter: 1 })), "v2.nii.gz");
    // Quaternion (0,0,1) is 180 degrees about z; qfac -1 flips the third axis.
    expect(q.affine).toEqual([-2, 0, 0, 1, 0, -3, 0, 2, 0, 0, -4, 3, 0, 0, 0, 1]);
    expect(Array.from(q.data)).toEqual([4, -3, 7, 9, 11, 13, 15, 17]);
    expect(q.spacingMm).toEqual([2, 3, 4]);
  });

  it("[I20] reads big-endian files", () => {
    const le = writeNifti(base, { gzip: false });
    const v = readVolume(toBigEndian(le, 2), "be.nii");
    expect(Array.from(v.data)).toEqual(Array.from(base.data));
    expect(v.affine).toEqual(AFF);
  });

  it("[I20] rejects truncated files with the byte counts, and a corrupt gzip stream", () => {
    const full = writeNifti(base, { gzip: false });
    expectAnalysisError(() => readVolume(full.subarray(0, full.length - 1), "t.nii"), "CORRUPT_FILE", /expected 48 bytes \(24 voxels of int16\) at byte 352, but only 47/);
    expectAnalysisError(() => readVolume(full.subarray(0, 200), "h.nii"), "CORRUPT_FILE", /200 bytes, shorter than a NIfTI header/);
    const zipped = writeNifti(base);
    expectAnalysisError(() => readVolume(zipped.subarray(0, zipped.length - 12), "t.nii.gz"), "CORRUPT_FILE", /gzip stream cannot be decompressed/);
    const flipped = zipped.slice();
    flipped[20] ^= 0xff;
    expectAnalysisError(() => readVolume(flipped, "f.nii.gz"), "CORRUPT_FILE", /./);
  });

  it("[I6] rejects a bad sizeof_hdr, a wrong magic, a .hdr/.img pair header and vox_offset inside the header", () => {
    expectAnalysisError(() => readVolume(patched((v) => v.setInt32(0, 100, true)), "s.nii"), "CORRUPT_FILE", /does not start with a NIfTI header/);
    expectAnalysisError(() => readVolume(patched((_, b) => b.set([0x6e, 0x69, 0x31], 344)), "p.nii"), "UNSUPPORTED_FORMAT", /two-file NIfTI/);
    expectAnalysisError(() => readVolume(patched((_, b) => b.set([0x78, 0x78, 0x78], 344)), "m.nii"), "CORRUPT_FILE", /magic is "xxx"/);
    expectAnalysisError(() => readVolume(patched((v) => v.setFloat32(108, 100, true)), "o.nii"), "CORRUPT_FILE", /vox_offset 100/);
  });
});
