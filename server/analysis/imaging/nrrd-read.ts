/**
 * NRRD reader with inline data (SPEC.md I34-I39). Format: http://teem.sourceforge.net/nrrd/format.html
 */
import { gunzipSync } from "fflate";
import { AnalysisError } from "../errors";
import type { Affine, Vec3, Volume, VoxelData } from "../types";
import { affineFromColumns, assertValidAffine, spacingFromAffine } from "./affine";
import { nrrdScalarType, parseNrrdHeader, parseNrrdVector, splitNrrdVectors } from "./nrrd-header";
import { BYTES_PER_VOXEL, decodeAsciiVoxels, decodeVoxels } from "./voxel-bytes";

/** Sign that turns each axis of the file's space into RAS [I36]. */
const SPACE_TO_RAS: Record<string, Vec3> = {
  "right-anterior-superior": [1, 1, 1], ras: [1, 1, 1],
  "left-anterior-superior": [-1, 1, 1], las: [-1, 1, 1],
  "left-posterior-superior": [-1, -1, 1], lps: [-1, -1, 1],
};

/** An NRRD decoded up to its grid; `extraAxis` is the non-spatial axis (a Slicer layer axis) or -1. */
export interface NrrdRaw {
  data: VoxelData;
  /** Sizes of the three spatial axes, in file order. */
  dims: [number, number, number];
  affine: Affine;
  /** Length of the non-spatial axis (1 when there is none). */
  extraSize: number;
  /** 0 when the non-spatial axis is first (fastest), 1 when it is last, -1 when absent. */
  extraAxis: -1 | 0 | 1;
  keyValues: Map<string, string>;
}

function intField(fields: Map<string, string>, name: string, source: string): number {
  const v = fields.get(name);
  if (v === undefined) throw new AnalysisError("CORRUPT_FILE", `${source}: NRRD field "${name}" is missing`);
  const n = Number(v);
  if (!Number.isInteger(n)) throw new AnalysisError("CORRUPT_FILE", `${source}: NRRD field "${name}: ${v}" is not an integer`);
  return n;
}

/**
 * Decodes an NRRD file into voxels, grid and RAS affine, keeping a possible fourth, non-spatial
 * axis for the segmentation reader [I34].
 */
export function readNrrdRaw(bytes: Uint8Array, source: string): NrrdRaw {
  const { fields, keyValues, dataStart } = parseNrrdHeader(bytes, source);
  const type = nrrdScalarType(fields.get("type") ?? "", source);
  const dimension = intField(fields, "dimension", source);
  if (dimension !== 3 && dimension !== 4) {
    throw new AnalysisError("UNSUPPORTED_FORMAT", `${source}: NRRD dimension ${dimension}; only 3, or 4 with one non-spatial axis, is supported`);
  }
  const sizes = (fields.get("sizes") ?? "").split(/\s+/).filter(Boolean).map(Number);
  if (sizes.length !== dimension) {
    throw new AnalysisError("CORRUPT_FILE", `${source}: NRRD "sizes" has ${sizes.length} values for dimension ${dimension}`);
  }
  sizes.forEach((s, n) => {
    if (!Number.isInteger(s) || s <= 0) throw new AnalysisError("CORRUPT_FILE", `${source}: NRRD size of axis ${n} is ${s}; sizes must be positive integers`);
  });

  const { spatial, affine } = nrrdGeometry(fields, dimension, source);
  let extraAxis: -1 | 0 | 1 = -1;
  if (dimension === 4) {
    const nonSpatial = [0, 1, 2, 3].find((a) => !spatial.includes(a));
    if (nonSpatial !== 0 && nonSpatial !== 3) {
      throw new AnalysisError("UNSUPPORTED_FORMAT", `${source}: 4D NRRD whose non-spatial axis is axis ${nonSpatial}; it must be the first or the last`);
    }
    extraAxis = nonSpatial === 0 ? 0 : 1;
  }
  const dims = spatial.map((a) => sizes[a]) as [number, number, number];
  const extraSize = extraAxis === 0 ? sizes[0] : extraAxis === 1 ? sizes[3] : 1;
  const count = sizes.reduce((a, b) => a * b, 1);
  const data = readNrrdData(bytes, dataStart, fields, type, count, source);
  return { data, dims, affine, extraSize, extraAxis, keyValues };
}

/**
 * Spatial axes and RAS affine. With `space` (or `space dimension: 3`) and `space directions`, the
 * columns are the directions and the origin `space origin`; without any space field, the grid is
 * read as ITK/3D Slicer do: LPS, identity directions scaled by `spacings`, origin 0 [I35, I36].
 */
function nrrdGeometry(fields: Map<string, string>, dimension: number, source: string): { spatial: number[]; affine: Affine } {
  const spaceName = fields.get("space")?.toLowerCase();
  const spaceDim = fields.get("space dimension");
  let toRas: Vec3 = [-1, -1, 1];
  if (spaceName !== undefined) {
    const s = SPACE_TO_RAS[spaceName];
    if (!s) throw new AnalysisError("UNSUPPORTED_FORMAT", `${source}: NRRD space "${spaceName}" is not RAS, LAS or LPS`);
    toRas = s;
  } else if (spaceDim !== undefined && spaceDim !== "3") {
    throw new AnalysisError("UNSUPPORTED_FORMAT", `${source}: NRRD space dimension ${spaceDim}; only 3 is supported`);
  }
  const units = fields.get("space units")?.match(/"([^"]*)"/g)?.map((u) => u.slice(1, -1).trim().toLowerCase());
  if (units && units.some((u) => u !== "mm" && u !== "")) {
    throw new AnalysisError("UNSUPPORTED_FORMAT", `${source}: NRRD space units ${units.join(", ")}; only mm is supported`);
  }
  const kinds = fields.get("kinds")?.split(/\s+/).filter(Boolean);
  let spatial: number[];
  let cols: Vec3[];
  let origin: Vec3 = [0, 0, 0];
  const dirText = fields.get("space directions");
  if (spaceName !== undefined || spaceDim !== undefined) {
    if (dirText === undefined) throw new AnalysisError("CORRUPT_FILE", `${source}: NRRD has a space but no "space directions"`);
    const dirs = splitNrrdVectors(dirText);
    if (dirs.length !== dimension) {
      throw new AnalysisError("CORRUPT_FILE", `${source}: NRRD "space directions" has ${dirs.length} entries for dimension ${dimension}`);
    }
    const vecs = dirs.map((d, n) => parseNrrdVector(d, source, `space direction ${n}`));
    spatial = [];
    cols = [];
    vecs.forEach((v, n) => {
      if (v === null) return;
      if (v.length !== 3) throw new AnalysisError("CORRUPT_FILE", `${source}: space direction ${n} has ${v.length} components, expected 3`);
      spatial.push(n);
      cols.push(v as Vec3);
    });
    const originText = fields.get("space origin");
    if (originText !== undefined) {
      const o = parseNrrdVector(originText, source, "space origin");
      if (o === null || o.length !== 3) throw new AnalysisError("CORRUPT_FILE", `${source}: NRRD "space origin" must have 3 components`);
      origin = o as Vec3;
    }
  } else {
    // Legacy NRRD (e.g. the IBSI phantom): per-axis "spacings"; a non-spatial axis says nan.
    const sp = (fields.get("spacings") ?? "").split(/\s+/).filter(Boolean).map((t) => (t.toLowerCase() === "nan" ? NaN : Number(t)));
    if (sp.length !== dimension) {
      throw new AnalysisError("CORRUPT_FILE", `${source}: NRRD without "space" needs "spacings" with ${dimension} values`);
    }
    spatial = [];
    cols = [];
    sp.forEach((s, n) => {
      const spatialKind = kinds === undefined || kinds[n] === "domain" || kinds[n] === "space";
      if (Number.isNaN(s) && dimension === 4 && !(kinds !== undefined && spatialKind)) return;
      if (!Number.isFinite(s) || s === 0) {
        throw new AnalysisError("CORRUPT_FILE", `${source}: NRRD spacing of spatial axis ${n} is ${s}; it must be finite and non-zero`);
      }
      const col: Vec3 = [0, 0, 0];
      if (spatial.length < 3) col[spatial.length] = s;
      spatial.push(n);
      cols.push(col);
    });
  }
  if (spatial.length !== 3) {
    throw new AnalysisError("UNSUPPORTED_FORMAT", `${source}: NRRD has ${spatial.length} spatial axes; exactly 3 are required`);
  }
  const ras = cols.map((c) => [c[0] * toRas[0], c[1] * toRas[1], c[2] * toRas[2]] as Vec3) as [Vec3, Vec3, Vec3];
  const affine = affineFromColumns(ras, [origin[0] * toRas[0], origin[1] * toRas[1], origin[2] * toRas[2]]);
  assertValidAffine(affine, `${source} NRRD space directions/origin`);
  return { spatial, affine };
}

/** Voxel bytes after the header: raw, gzip or ascii; the byte count must match exactly [I37]. */
function readNrrdData(bytes: Uint8Array, dataStart: number, fields: Map<string, string>, type: ReturnType<typeof nrrdScalarType>, count: number, source: string): VoxelData {
  const encoding = (fields.get("encoding") ?? "").toLowerCase();
  const width = BYTES_PER_VOXEL[type];
  const endian = fields.get("endian")?.toLowerCase();
  if (endian !== undefined && endian !== "little" && endian !== "big") {
    throw new AnalysisError("CORRUPT_FILE", `${source}: NRRD endian "${endian}" is not little or big`);
  }
  const lineSkip = fields.has("line skip") ? intField(fields, "line skip", source) : fields.has("lineskip") ? intField(fields, "lineskip", source) : 0;
  if (lineSkip !== 0) throw new AnalysisError("UNSUPPORTED_FORMAT", `${source}: NRRD "line skip" is not supported`);
  if (encoding === "ascii" || encoding === "text" || encoding === "txt") {
    return decodeAsciiVoxels(new TextDecoder("latin1").decode(bytes.subarray(dataStart)), count, type, source);
  }
  if (width > 1 && endian === undefined) {
    throw new AnalysisError("CORRUPT_FILE", `${source}: NRRD "endian" is required for ${width}-byte ${type} data`);
  }
  let payload: Uint8Array;
  if (encoding === "raw") {
    payload = bytes.subarray(dataStart);
  } else if (encoding === "gzip" || encoding === "gz") {
    try {
      payload = gunzipSync(bytes.subarray(dataStart));
    } catch (e) {
      throw new AnalysisError("CORRUPT_FILE", `${source}: NRRD gzip data cannot be decompressed (${(e as Error).message}); the file is corrupt or truncated`);
    }
  } else {
    throw new AnalysisError("UNSUPPORTED_FORMAT", `${source}: NRRD encoding "${encoding}" is not supported (raw, gzip or ascii)`);
  }
  const byteSkip = fields.has("byte skip") ? intField(fields, "byte skip", source) : fields.has("byteskip") ? intField(fields, "byteskip", source) : 0;
  const needed = count * width;
  let start = byteSkip;
  if (byteSkip === -1) {
    // -1: the voxels are the last `needed` bytes (raw only, per the format).
    if (encoding !== "raw") throw new AnalysisError("CORRUPT_FILE", `${source}: NRRD "byte skip: -1" is only valid with raw encoding`);
    start = payload.length - needed;
  } else if (byteSkip < 0) {
    throw new AnalysisError("CORRUPT_FILE", `${source}: NRRD "byte skip: ${byteSkip}" must be >= -1`);
  }
  if (payload.length - Math.max(0, start) !== needed || start < 0) {
    throw new AnalysisError(
      "CORRUPT_FILE",
      `${source}: NRRD ${encoding} data holds ${payload.length - Math.max(0, start)} bytes but sizes x type need ${needed} ` +
        `(${count} voxels of ${type})`,
    );
  }
  return decodeVoxels(payload, start, count, type, endian !== "big", source);
}

/**
 * Decodes a 3D NRRD (or 4D whose non-spatial axis has length 1) into a Volume [I34].
 */
export function readNrrdBytes(bytes: Uint8Array, source: string): Volume {
  const raw = readNrrdRaw(bytes, source);
  if (raw.extraSize !== 1) {
    throw new AnalysisError("UNSUPPORTED_FORMAT", `${source}: 4D NRRD with ${raw.extraSize} components per voxel; only one is supported (a multi-layer segmentation must be named .seg.nrrd)`);
  }
  return { data: raw.data, dims: raw.dims, spacingMm: spacingFromAffine(raw.affine), affine: raw.affine };
}
