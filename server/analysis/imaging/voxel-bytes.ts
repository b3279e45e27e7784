/**
 * Raw voxel bytes <-> typed arrays, for both readers and the writer (SPEC.md I20-I22).
 */
import { AnalysisError } from "../errors";
import type { VoxelData } from "../types";

/** Scalar voxel types the readers accept. */
export type ScalarType =
  | "int8" | "uint8" | "int16" | "uint16" | "int32" | "uint32" | "int64" | "uint64" | "float32" | "float64";

/** Bytes per voxel of each scalar type. */
export const BYTES_PER_VOXEL: Record<ScalarType, number> = {
  int8: 1, uint8: 1, int16: 2, uint16: 2, int32: 4, uint32: 4, int64: 8, uint64: 8, float32: 4, float64: 8,
};

const HOST_LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/** The largest integer a float64 holds exactly (2^53). */
const MAX_EXACT = 2 ** 53;
const MAX_EXACT_BIG = 2n ** 53n;

function swapInPlace(bytes: Uint8Array, width: number): void {
  if (width === 1) return;
  for (let p = 0; p < bytes.length; p += width) {
    for (let lo = p, hi = p + width - 1; lo < hi; lo++, hi--) {
      const t = bytes[lo];
      bytes[lo] = bytes[hi];
      bytes[hi] = t;
    }
  }
}

/**
 * Decodes `count` voxels of `type` starting at `offset` in `bytes` [I20].
 * Copies, so the result owns an aligned buffer (also when `bytes` is a Node Buffer). 64-bit integers become a Float64Array and any
 * value beyond +-2^53 is rejected because it would silently change [I21].
 * @param source names the file and field for error messages.
 */
export function decodeVoxels(
  bytes: Uint8Array,
  offset: number,
  count: number,
  type: ScalarType,
  littleEndian: boolean,
  source: string,
): VoxelData {
  const width = BYTES_PER_VOXEL[type];
  const needed = count * width;
  if (offset < 0 || offset + needed > bytes.length) {
    throw new AnalysisError(
      "CORRUPT_FILE",
      `${source}: truncated voxel data: expected ${needed} bytes (${count} voxels of ${type}) at byte ${offset}, ` +
        `but only ${Math.max(0, bytes.length - offset)} bytes are there`,
    );
  }
  // An explicit copy: Node's Buffer.slice returns a view into a shared pool, not a copy.
  const copy = new Uint8Array(needed);
  copy.set(bytes.subarray(offset, offset + needed));
  if (littleEndian !== HOST_LITTLE_ENDIAN) swapInPlace(copy, width);
  const buf = copy.buffer;
  switch (type) {
    case "int8": return new Int8Array(buf);
    case "uint8": return new Uint8Array(buf);
    case "int16": return new Int16Array(buf);
    case "uint16": return new Uint16Array(buf);
    case "int32": return new Int32Array(buf);
    case "uint32": return new Uint32Array(buf);
    case "float32": return new Float32Array(buf);
    case "float64": return new Float64Array(buf);
    case "int64":
    case "uint64": {
      const big = type === "int64" ? new BigInt64Array(buf) : new BigUint64Array(buf);
      const out = new Float64Array(count);
      for (let n = 0; n < count; n++) {
        const b = big[n];
        // Compare as BigInt: Number() would already have rounded 2^53 + 1 to 2^53.
        if (b > MAX_EXACT_BIG || b < -MAX_EXACT_BIG) {
          throw new AnalysisError(
            "UNSUPPORTED_FORMAT",
            `${source}: ${type} voxel ${n} has value ${big[n]}, beyond +-2^53, which cannot be held exactly as a float64`,
          );
        }
        out[n] = Number(b);
      }
      return out;
    }
  }
}

/** The little-endian bytes of a typed array (a copy), for writing files. */
export function littleEndianBytes(data: VoxelData): Uint8Array {
  const copy = new Uint8Array(data.buffer, data.byteOffset, data.byteLength).slice();
  if (!HOST_LITTLE_ENDIAN) swapInPlace(copy, data.BYTES_PER_ELEMENT);
  return copy;
}

/** ASCII-encoded voxels (NRRD `encoding: ascii`): whitespace- or comma-separated numbers [I22]. */
export function decodeAsciiVoxels(text: string, count: number, type: ScalarType, source: string): VoxelData {
  const tokens = text.split(/[\s,]+/).filter((t) => t.length > 0);
  if (tokens.length < count) {
    throw new AnalysisError("CORRUPT_FILE", `${source}: ascii data has ${tokens.length} values, expected ${count}`);
  }
  const out = allocate(type, count);
  for (let n = 0; n < count; n++) {
    const v = Number(tokens[n]);
    if (Number.isNaN(v) && !/^[+-]?nan$/i.test(tokens[n])) {
      throw new AnalysisError("CORRUPT_FILE", `${source}: ascii value ${n} "${tokens[n]}" is not a number`);
    }
    if (type !== "float32" && type !== "float64" && !(Number.isInteger(v) && v >= INT_RANGE[type][0] && v <= INT_RANGE[type][1])) {
      throw new AnalysisError("CORRUPT_FILE", `${source}: ascii value ${n} "${tokens[n]}" is not a valid ${type}`);
    }
    out[n] = v;
  }
  return out;
}

const INT_RANGE: Record<ScalarType, [number, number]> = {
  int8: [-128, 127], uint8: [0, 255], int16: [-32768, 32767], uint16: [0, 65535],
  int32: [-(2 ** 31), 2 ** 31 - 1], uint32: [0, 2 ** 32 - 1], int64: [-MAX_EXACT, MAX_EXACT], uint64: [0, MAX_EXACT],
  float32: [-Infinity, Infinity], float64: [-Infinity, Infinity],
};

function allocate(type: ScalarType, count: number): VoxelData {
  switch (type) {
    case "int8": return new Int8Array(count);
    case "uint8": return new Uint8Array(count);
    case "int16": return new Int16Array(count);
    case "uint16": return new Uint16Array(count);
    case "int32": return new Int32Array(count);
    case "uint32": return new Uint32Array(count);
    case "float32": return new Float32Array(count);
    default: return new Float64Array(count);
  }
}
