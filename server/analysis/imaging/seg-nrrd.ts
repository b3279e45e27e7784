/**
 * 3D Slicer segmentation (.seg.nrrd) reader (SPEC.md I38-I39).
 * Format: https://slicer.readthedocs.io/en/latest/developer_guide/modules/segmentations.html
 */
import { AnalysisError } from "../errors";
import type { LabelMap } from "../types";
import { spacingFromAffine } from "./affine";
import { readNrrdRaw } from "./nrrd-read";

/** One segment declared in the file's metadata. */
export interface SegmentInfo {
  /** The value the segment's voxels have in the returned label map. */
  labelValue: number;
  /** Slicer segment ID (`Segment<N>_ID`), "" when the file has no metadata. */
  id: string;
  /** Display name (`Segment<N>_Name`). */
  name: string;
}

/** A segmentation read into a single label map on the file's grid. */
export interface Segmentation {
  labelMap: LabelMap;
  segments: SegmentInfo[];
}

interface DeclaredSegment extends SegmentInfo {
  layer: number;
  /** Value of the segment's voxels in its layer. */
  storedValue: number;
}

function declaredSegments(kv: Map<string, string>, layers: number, source: string): DeclaredSegment[] {
  const indices = new Set<number>();
  for (const key of kv.keys()) {
    const m = /^Segment(\d+)_/.exec(key);
    if (m) indices.add(Number(m[1]));
  }
  const out: DeclaredSegment[] = [];
  for (const i of [...indices].sort((a, b) => a - b)) {
    const lv = kv.get(`Segment${i}_LabelValue`);
    const ly = kv.get(`Segment${i}_Layer`);
    const seg: DeclaredSegment = { id: kv.get(`Segment${i}_ID`) ?? `Segment${i}`, name: kv.get(`Segment${i}_Name`) ?? "", labelValue: 0, layer: 0, storedValue: 0 };
    if (lv === undefined) {
      // Slicer before 4.11: one binary layer per segment, in segment order; label = index + 1.
      seg.layer = i;
      seg.storedValue = 1;
      seg.labelValue = i + 1;
    } else {
      seg.storedValue = Number(lv);
      seg.labelValue = seg.storedValue;
      seg.layer = ly === undefined ? 0 : Number(ly);
    }
    if (!Number.isInteger(seg.storedValue) || seg.storedValue < 1) {
      throw new AnalysisError("CORRUPT_FILE", `${source}: Segment${i}_LabelValue "${lv}" must be a positive integer`);
    }
    if (!Number.isInteger(seg.layer) || seg.layer < 0 || seg.layer >= layers) {
      throw new AnalysisError("CORRUPT_FILE", `${source}: segment ${i} ("${seg.name}") is in layer ${seg.layer}, but the file has ${layers} layer(s)`);
    }
    out.push(seg);
  }
  const seen = new Map<number, DeclaredSegment>();
  for (const s of out) {
    const other = seen.get(s.labelValue);
    if (other) {
      throw new AnalysisError("UNSUPPORTED_FORMAT", `${source}: segments "${other.name}" and "${s.name}" share label value ${s.labelValue} (layers ${other.layer} and ${s.layer}); they cannot be told apart in one label map`);
    }
    seen.set(s.labelValue, s);
  }
  return out;
}

/**
 * Reads a .seg.nrrd into one label map. Layers (a leading or trailing non-spatial axis) are
 * merged when no voxel belongs to two segments; every non-zero voxel value must be a declared
 * segment of its layer [I38]. A file without segment metadata must have one layer; its non-zero
 * integer values are the labels [I39].
 */
export function readSegNrrd(bytes: Uint8Array, source: string): Segmentation {
  const raw = readNrrdRaw(bytes, source);
  const layers = raw.extraSize;
  const n = raw.dims[0] * raw.dims[1] * raw.dims[2];
  const declared = declaredSegments(raw.keyValues, layers, source);
  if (declared.length === 0 && layers > 1) {
    throw new AnalysisError("UNSUPPORTED_FORMAT", `${source}: ${layers} layers but no Segment<N>_* metadata to tell which label is which`);
  }
  // lookup[layer][stored value] = output label; 0 = undeclared.
  const lookup = Array.from({ length: layers }, () => new Map<number, number>());
  for (const s of declared) lookup[s.layer].set(s.storedValue, s.labelValue);

  const src = raw.data;
  // The output type must be known before filling it: from the metadata, or from a scan.
  let max = 0;
  for (const s of declared) max = Math.max(max, s.labelValue);
  if (declared.length === 0) for (let p = 0; p < src.length; p++) if (src[p] > max) max = src[p];
  const values = max <= 255 ? new Uint8Array(n) : max <= 65535 ? new Uint16Array(n) : new Uint32Array(n);
  const found = new Set<number>();
  for (let l = 0; l < layers; l++) {
    const map = lookup[l];
    for (let p = 0; p < n; p++) {
      const v = src[raw.extraAxis === 0 ? p * layers + l : l * n + p];
      if (v === 0) continue;
      if (!Number.isInteger(v) || v < 0 || v > 0xffffffff) {
        throw new AnalysisError("CORRUPT_FILE", `${source}: voxel ${p} of layer ${l} has value ${v}; labels must be integers in 0..2^32-1`);
      }
      let label = v;
      if (declared.length > 0) {
        const m = map.get(v);
        if (m === undefined) throw new AnalysisError("CORRUPT_FILE", `${source}: voxel ${p} of layer ${l} has value ${v}, which no segment declares`);
        label = m;
      }
      if (values[p] !== 0) {
        throw new AnalysisError("UNSUPPORTED_FORMAT", `${source}: segments with labels ${values[p]} and ${label} overlap at voxel ${p}; overlapping segments cannot be merged into one label map`);
      }
      values[p] = label;
      found.add(label);
    }
  }
  const data = values;
  const segments: SegmentInfo[] = declared.length > 0
    ? declared.map(({ labelValue, id, name }) => ({ labelValue, id, name }))
    : [...found].sort((a, b) => a - b).map((v) => ({ labelValue: v, id: "", name: "" }));
  return { labelMap: { data, dims: raw.dims, spacingMm: spacingFromAffine(raw.affine), affine: raw.affine }, segments };
}
