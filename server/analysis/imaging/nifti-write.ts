/**
 * NIfTI-1 single-file (.nii / .nii.gz) writer (SPEC.md I1-I5).
 * Reference: NIfTI-1 header nifti1.h (https://nifti.nimh.nih.gov/pub/dist/src/niftilib/nifti1.h).
 */
import { gzipSync } from "fflate";
import { AnalysisError } from "../errors";
import type { Volume, VoxelData } from "../types";
import { affineToQuatern, assertValidAffine } from "./affine";
import { littleEndianBytes } from "./voxel-bytes";

/** Header (348 bytes) plus the 4-byte extension flag; voxels start here. */
const VOX_OFFSET = 352;

/** NIfTI datatype code and bits per voxel of a typed array [I2]. */
export function niftiDatatypeOf(data: VoxelData): { code: number; bitpix: number } {
  if (data instanceof Uint8Array) return { code: 2, bitpix: 8 };
  if (data instanceof Int16Array) return { code: 4, bitpix: 16 };
  if (data instanceof Int32Array) return { code: 8, bitpix: 32 };
  if (data instanceof Float32Array) return { code: 16, bitpix: 32 };
  if (data instanceof Float64Array) return { code: 64, bitpix: 64 };
  if (data instanceof Int8Array) return { code: 256, bitpix: 8 };
  if (data instanceof Uint16Array) return { code: 512, bitpix: 16 };
  if (data instanceof Uint32Array) return { code: 768, bitpix: 32 };
  throw new AnalysisError("INVALID_INPUT", "writeNifti: unsupported voxel array type");
}

/** Options for {@link writeNifti}. */
export interface WriteNiftiOptions {
  /** gzip the file (a `.nii.gz`); default true. */
  gzip?: boolean;
  /** Header `descrip` text, ASCII, truncated to 79 characters. */
  description?: string;
}

/**
 * Encodes a volume as a NIfTI-1 single file, little-endian, voxels at byte 352 [I1].
 * Both sform and qform hold the volume's RAS affine (codes 1, scanner anatomical) [I3]; the qform
 * is its nearest rigid version when the affine is sheared. Spatial units are millimetres, no
 * intensity scaling (scl_slope 1, scl_inter 0) [I4]. gzip via fflate unless `gzip: false` [I5].
 * @returns the file bytes.
 */
export function writeNifti(vol: Volume, opts: WriteNiftiOptions = {}): Uint8Array {
  const [nx, ny, nz] = vol.dims;
  for (const n of vol.dims) {
    if (!Number.isInteger(n) || n < 1 || n > 32767) {
      throw new AnalysisError("INVALID_INPUT", `writeNifti: dims ${vol.dims.join("x")} must be integers in 1..32767`);
    }
  }
  if (vol.data.length !== nx * ny * nz) {
    throw new AnalysisError("INVALID_INPUT", `writeNifti: ${vol.data.length} voxels for dims ${vol.dims.join("x")} (${nx * ny * nz} expected)`);
  }
  assertValidAffine(vol.affine, "writeNifti");
  const { code, bitpix } = niftiDatatypeOf(vol.data);
  const voxels = littleEndianBytes(vol.data);

  const out = new Uint8Array(VOX_OFFSET + voxels.length);
  const v = new DataView(out.buffer);
  const le = true;
  v.setInt32(0, 348, le);
  v.setUint8(39, 0); // dim_info: no frequency/phase/slice axes claimed.
  const dim = [3, nx, ny, nz, 1, 1, 1, 1];
  dim.forEach((d, n) => v.setInt16(40 + 2 * n, d, le));
  v.setInt16(70, code, le);
  v.setInt16(72, bitpix, le);

  const q = affineToQuatern(vol.affine);
  // pixdim[0] carries qfac: -1 marks a left-handed grid (e.g. the usual LPS-derived RAS sform).
  const pixdim = [q.qfac, q.pixdim[0], q.pixdim[1], q.pixdim[2], 0, 0, 0, 0];
  pixdim.forEach((p, n) => v.setFloat32(76 + 4 * n, p, le));
  v.setFloat32(108, VOX_OFFSET, le);
  v.setFloat32(112, 1, le); // scl_slope
  v.setFloat32(116, 0, le); // scl_inter
  v.setUint8(123, 2); // xyzt_units: NIFTI_UNITS_MM, seconds unset.

  const descrip = (opts.description ?? "").replace(/[^\x20-\x7e]/g, "?").slice(0, 79);
  for (let n = 0; n < descrip.length; n++) v.setUint8(148 + n, descrip.charCodeAt(n));

  v.setInt16(252, 1, le); // qform_code: NIFTI_XFORM_SCANNER_ANAT
  v.setInt16(254, 1, le); // sform_code: NIFTI_XFORM_SCANNER_ANAT
  v.setFloat32(256, q.b, le);
  v.setFloat32(260, q.c, le);
  v.setFloat32(264, q.d, le);
  v.setFloat32(268, q.offset[0], le);
  v.setFloat32(272, q.offset[1], le);
  v.setFloat32(276, q.offset[2], le);
  for (let r = 0; r < 3; r++) {
    for (let c = 0; c < 4; c++) v.setFloat32(280 + 16 * r + 4 * c, vol.affine[4 * r + c], le);
  }
  out.set([0x6e, 0x2b, 0x31, 0x00], 344); // magic "n+1\0": header and data in one file.
  // Bytes 348..351 stay zero: no header extensions.
  out.set(voxels, VOX_OFFSET);

  // mtime 0: the same volume always gives the same bytes (files are stored by SHA-256).
  return opts.gzip === false ? out : gzipSync(out, { level: 6, mtime: 0 });
}
