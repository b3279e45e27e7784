/**
 * NIfTI-1 and NIfTI-2 single-file reader (SPEC.md I6-I13, I20-I21).
 * Header fields come from nifti-reader-js; the transform, datatype and size checks are ours
 * because the library prefers the qform over the sform and does not bound-check the voxel data.
 */
import * as nifti from "nifti-reader-js";
import { AnalysisError } from "../errors";
import type { Affine, Volume, VoxelData } from "../types";
import { assertValidAffine, quaternToAffine, spacingFromAffine } from "./affine";
import { BYTES_PER_VOXEL, decodeVoxels, type ScalarType } from "./voxel-bytes";

/** NIfTI datatype codes the reader accepts, with their scalar types [I7]. */
const NIFTI_TYPES: Record<number, ScalarType> = {
  2: "uint8", 4: "int16", 8: "int32", 16: "float32", 64: "float64",
  256: "int8", 512: "uint16", 768: "uint32", 1024: "int64", 1280: "uint64",
};

const NIFTI_TYPE_NAMES: Record<number, string> = {
  1: "binary (1 bit)", 32: "complex64", 128: "RGB24", 1536: "float128", 1792: "complex128",
  2048: "complex256", 2304: "RGBA32",
};

/** Millimetres per unit of NIfTI xyzt_units & 7 (0 = unknown, read as mm) [I9]. */
const UNIT_TO_MM: Record<number, number> = { 0: 1, 1: 1000, 2: 1, 3: 0.001 };

/** True when the bytes start with a NIfTI-1 or NIfTI-2 header (either byte order). */
export function looksLikeNifti(bytes: Uint8Array): boolean {
  if (bytes.length < 348) return false;
  const v = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const size = v.getInt32(0, true);
  const sizeBE = v.getInt32(0, false);
  return size === 348 || sizeBE === 348 || size === 540 || sizeBE === 540;
}

/**
 * Decodes an uncompressed NIfTI-1/2 single file (`n+1` / `n+2`) into a Volume [I6].
 * @param bytes the uncompressed file.
 * @param source file name for error messages.
 */
export function readNiftiBytes(bytes: Uint8Array, source: string): Volume {
  if (bytes.length < 348) {
    throw new AnalysisError("CORRUPT_FILE", `${source}: ${bytes.length} bytes is shorter than a NIfTI header (348 bytes)`);
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const sizeLE = view.getInt32(0, true), sizeBE = view.getInt32(0, false);
  const version = sizeLE === 348 || sizeBE === 348 ? 1 : sizeLE === 540 || sizeBE === 540 ? 2 : 0;
  if (version === 0) {
    throw new AnalysisError("CORRUPT_FILE", `${source}: sizeof_hdr is ${sizeLE}, not 348 (NIfTI-1) or 540 (NIfTI-2)`);
  }
  const headerSize = version === 1 ? 348 : 540;
  if (bytes.length < headerSize) {
    throw new AnalysisError("CORRUPT_FILE", `${source}: truncated NIfTI-2 header: ${bytes.length} of 540 bytes`);
  }
  const magicAt = version === 1 ? 344 : 4;
  const magic = String.fromCharCode(bytes[magicAt], bytes[magicAt + 1], bytes[magicAt + 2]);
  if (magic === "ni1" || magic === "ni2") {
    throw new AnalysisError("UNSUPPORTED_FORMAT", `${source}: a two-file NIfTI header (.hdr/.img); convert it to a single .nii file`);
  }
  if (magic !== `n+${version}`) {
    throw new AnalysisError("CORRUPT_FILE", `${source}: NIfTI-${version} magic is "${magic}", expected "n+${version}"`);
  }

  let h: nifti.NIFTI1 | nifti.NIFTI2;
  try {
    // The library wants an ArrayBuffer; give it the header and extensions, not the voxels.
    const le0 = sizeLE === headerSize;
    const off = version === 1 ? view.getFloat32(108, le0) : Number(view.getBigInt64(168, le0));
    const end = Number.isFinite(off) && off > headerSize ? Math.min(bytes.length, off) : headerSize;
    const head = new Uint8Array(end);
    head.set(bytes.subarray(0, end));
    h = nifti.readHeader(head.buffer);
  } catch (e) {
    throw new AnalysisError("CORRUPT_FILE", `${source}: unreadable NIfTI header (${(e as Error).message})`);
  }
  const le = h.littleEndian;

  const dims = readDims(h.dims, source);
  const type = NIFTI_TYPES[h.datatypeCode];
  if (!type) {
    const name = NIFTI_TYPE_NAMES[h.datatypeCode] ?? "unknown";
    throw new AnalysisError("UNSUPPORTED_FORMAT", `${source}: NIfTI datatype ${h.datatypeCode} (${name}) is not supported; use an integer or float scalar type`);
  }
  if (h.numBitsPerVoxel !== BYTES_PER_VOXEL[type] * 8) {
    throw new AnalysisError("CORRUPT_FILE", `${source}: bitpix ${h.numBitsPerVoxel} does not match datatype ${h.datatypeCode} (${type}, ${BYTES_PER_VOXEL[type] * 8} bits)`);
  }
  const voxOffset = h.vox_offset;
  if (!Number.isInteger(voxOffset) || voxOffset < headerSize) {
    throw new AnalysisError("CORRUPT_FILE", `${source}: vox_offset ${voxOffset} is before the end of the ${headerSize}-byte header`);
  }

  const affine = chooseAffine(h, view, version, le, source);
  const count = dims[0] * dims[1] * dims[2];
  const raw = decodeVoxels(bytes, voxOffset, count, type, le, source);
  return { data: applyScaling(raw, h.scl_slope, h.scl_inter, source), dims, spacingMm: spacingFromAffine(affine), affine };
}

function readDims(dim: number[], source: string): [number, number, number] {
  const ndim = dim[0];
  if (!Number.isInteger(ndim) || ndim < 1 || ndim > 7) {
    throw new AnalysisError("CORRUPT_FILE", `${source}: dim[0] = ${ndim}; the number of dimensions must be 1..7`);
  }
  const sizes: number[] = [];
  for (let n = 1; n <= ndim; n++) {
    if (!Number.isInteger(dim[n]) || dim[n] <= 0) {
      throw new AnalysisError("CORRUPT_FILE", `${source}: dim[${n}] = ${dim[n]}; sizes must be positive integers`);
    }
    sizes.push(dim[n]);
  }
  for (let n = 3; n < sizes.length; n++) {
    if (sizes[n] !== 1) {
      throw new AnalysisError("UNSUPPORTED_FORMAT", `${source}: ${ndim}D NIfTI with dim[${n + 1}] = ${sizes[n]}; only 3D volumes are supported`);
    }
  }
  // dim[0] < 3 describes a 1D/2D image; the missing axes have size 1 [I8].
  return [sizes[0], sizes[1] ?? 1, sizes[2] ?? 1];
}

/**
 * sform when sform_code > 0, else qform when qform_code > 0, else pixdim on the diagonal; then
 * scaled from xyzt_units to mm [I9, I10].
 */
function chooseAffine(h: nifti.NIFTI1 | nifti.NIFTI2, view: DataView, version: 1 | 2, le: boolean, source: string): Affine {
  let affine: Affine;
  let what: string;
  if (h.sform_code > 0) {
    what = "sform (srow_x/y/z)";
    const base = version === 1 ? 280 : 400;
    const step = version === 1 ? 4 : 8;
    const a: number[] = [];
    for (let n = 0; n < 12; n++) {
      const at = base + n * step;
      a.push(version === 1 ? view.getFloat32(at, le) : view.getFloat64(at, le));
    }
    // x + 0: srow often holds -0, which would make equal affines compare unequal.
    affine = [...a.map((x) => x + 0), 0, 0, 0, 1] as Affine;
  } else {
    const pix = [1, 2, 3].map((n) => Math.abs(h.pixDims[n] ?? 0));
    pix.forEach((p, n) => {
      if (!(p > 0) || !Number.isFinite(p)) {
        throw new AnalysisError("CORRUPT_FILE", `${source}: pixdim[${n + 1}] is ${h.pixDims[n + 1]}; voxel sizes must be finite and > 0`);
      }
    });
    if (h.qform_code > 0) {
      what = "qform (quaternion)";
      const qfac = h.pixDims[0] < 0 ? -1 : 1;
      affine = quaternToAffine([h.quatern_b, h.quatern_c, h.quatern_d], [h.qoffset_x, h.qoffset_y, h.qoffset_z], pix as [number, number, number], qfac);
    } else {
      what = "pixdim (no sform or qform)";
      affine = [pix[0], 0, 0, 0, 0, pix[1], 0, 0, 0, 0, pix[2], 0, 0, 0, 0, 1];
    }
  }
  const unit = UNIT_TO_MM[h.xyzt_units & 7];
  if (unit === undefined) {
    throw new AnalysisError("UNSUPPORTED_FORMAT", `${source}: spatial unit code ${h.xyzt_units & 7} is not metre, mm or micron`);
  }
  if (unit !== 1) for (let n = 0; n < 12; n++) affine[n] *= unit;
  assertValidAffine(affine, `${source} ${what}`);
  return affine;
}

/**
 * scl_slope/scl_inter per the NIfTI-1 standard: slope 0 or non-finite means "no scaling" (nibabel
 * writes NaN for unscaled data); slope 1 with intercept 0 keeps the native array; any other
 * scaling produces a Float32Array of slope * stored + inter [I11].
 */
function applyScaling(raw: VoxelData, slope: number, inter: number, source: string): VoxelData {
  if (slope === 0 || Number.isNaN(slope)) return raw;
  if (!Number.isFinite(slope)) throw new AnalysisError("CORRUPT_FILE", `${source}: scl_slope is ${slope}`);
  const b = Number.isFinite(inter) ? inter : 0;
  if (!Number.isFinite(inter) && !Number.isNaN(inter)) throw new AnalysisError("CORRUPT_FILE", `${source}: scl_inter is ${inter}`);
  if (slope === 1 && b === 0) return raw;
  const out = new Float32Array(raw.length);
  for (let n = 0; n < raw.length; n++) out[n] = raw[n] * slope + b;
  return out;
}
