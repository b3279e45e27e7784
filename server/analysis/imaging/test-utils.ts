/**
 * Helpers shared by this folder's tests: fixture paths and hand-built files. Not used by the core.
 */
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { gzipSync } from "fflate";
import { AnalysisError, type AnalysisErrorCode } from "../errors";
import type { Affine } from "../types";

export const PHANTOM_DIR = fileURLToPath(new URL("../__fixtures__/ibsi-digital-phantom/", import.meta.url));
export const SCANS_DIR = fileURLToPath(new URL("../../../../shared/reference-data/scans/", import.meta.url));
export const SCANS_EXIST = existsSync(SCANS_DIR);

export function phantomFile(name: string): Uint8Array {
  return new Uint8Array(readFileSync(PHANTOM_DIR + name));
}

/** Runs `fn` and returns the AnalysisError it throws; fails when it throws nothing or something else. */
export function analysisErrorOf(fn: () => unknown): AnalysisError {
  try {
    fn();
  } catch (e) {
    if (e instanceof AnalysisError) return e;
    throw new Error(`expected an AnalysisError, got ${String(e)}`);
  }
  throw new Error("expected an AnalysisError, nothing was thrown");
}

/** Asserts the code and that the message matches `pattern`, returning the message. */
export function expectAnalysisError(fn: () => unknown, code: AnalysisErrorCode, pattern: RegExp): string {
  const e = analysisErrorOf(fn);
  if (e.code !== code || !pattern.test(e.message)) {
    throw new Error(`expected ${code} matching ${pattern}, got ${e.code}: ${e.message}`);
  }
  return e.message;
}

/** An NRRD file from header lines (without magic) and data bytes. */
export function makeNrrd(lines: string[], data: Uint8Array | string, magic = "NRRD0004"): Uint8Array {
  const head = new TextEncoder().encode([magic, ...lines].join("\n") + "\n\n");
  const body = typeof data === "string" ? new TextEncoder().encode(data) : data;
  const out = new Uint8Array(head.length + body.length);
  out.set(head);
  out.set(body, head.length);
  return out;
}

export function gz(bytes: Uint8Array): Uint8Array {
  return gzipSync(bytes);
}

export function bytesOf(a: ArrayBufferView): Uint8Array {
  return new Uint8Array(a.buffer, a.byteOffset, a.byteLength).slice();
}

/** Options for a hand-built NIfTI-2 file (little-endian, vox_offset 544). */
export interface Nifti2Spec {
  dims: [number, number, number];
  datatype: number;
  bitpix: number;
  data: Uint8Array;
  pixdim?: [number, number, number, number];
  sform?: Affine;
  qform?: { b: number; c: number; d: number; offset: [number, number, number] };
  slope?: number;
  inter?: number;
}

/** Builds a NIfTI-2 single file by hand so the reader is tested against the header layout itself. */
export function makeNifti2(spec: Nifti2Spec): Uint8Array {
  const out = new Uint8Array(544 + spec.data.length);
  const v = new DataView(out.buffer);
  v.setInt32(0, 540, true);
  out.set([0x6e, 0x2b, 0x32, 0, 0x0d, 0x0a, 0x1a, 0x0a], 4);
  v.setInt16(12, spec.datatype, true);
  v.setInt16(14, spec.bitpix, true);
  [3, ...spec.dims, 1, 1, 1, 1].forEach((d, n) => v.setBigInt64(16 + 8 * n, BigInt(d), true));
  (spec.pixdim ?? [1, 1, 1, 1]).forEach((p, n) => v.setFloat64(104 + 8 * n, p, true));
  v.setBigInt64(168, 544n, true);
  v.setFloat64(176, spec.slope ?? 1, true);
  v.setFloat64(184, spec.inter ?? 0, true);
  if (spec.qform) {
    v.setInt32(344, 1, true);
    [spec.qform.b, spec.qform.c, spec.qform.d, ...spec.qform.offset].forEach((q, n) => v.setFloat64(352 + 8 * n, q, true));
  }
  if (spec.sform) {
    v.setInt32(348, 2, true);
    for (let n = 0; n < 12; n++) v.setFloat64(400 + 8 * n, spec.sform[n], true);
  }
  v.setInt32(500, 2, true); // xyzt_units: mm
  out.set(spec.data, 544);
  return out;
}
