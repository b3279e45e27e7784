/**
 * NRRD header parsing (SPEC.md I30-I33). Format: http://teem.sourceforge.net/nrrd/format.html
 */
import { AnalysisError } from "../errors";
import type { ScalarType } from "./voxel-bytes";

/** A parsed NRRD header: `field: value` lines and `key:=value` pairs, plus where the data starts. */
export interface NrrdHeader {
  /** Field names lower-cased, spaces kept ("space directions"). */
  fields: Map<string, string>;
  /** Key/value pairs (`key:=value`), e.g. 3D Slicer's Segment0_LabelValue. */
  keyValues: Map<string, string>;
  /** Byte index of the first data byte after the blank line. */
  dataStart: number;
}

/** The NRRD spellings of each scalar type [I31]. */
const TYPE_ALIASES: Array<[ScalarType, string[]]> = [
  ["int8", ["signed char", "int8", "int8_t"]],
  ["uint8", ["uchar", "unsigned char", "uint8", "uint8_t"]],
  ["int16", ["short", "short int", "signed short", "signed short int", "int16", "int16_t"]],
  ["uint16", ["ushort", "unsigned short", "unsigned short int", "uint16", "uint16_t"]],
  ["int32", ["int", "signed int", "int32", "int32_t"]],
  ["uint32", ["uint", "unsigned int", "uint32", "uint32_t"]],
  ["int64", ["longlong", "long long", "long long int", "signed long long", "signed long long int", "int64", "int64_t"]],
  ["uint64", ["ulonglong", "unsigned long long", "unsigned long long int", "uint64", "uint64_t"]],
  ["float32", ["float"]],
  ["float64", ["double"]],
];

const TYPE_BY_NAME = new Map<string, ScalarType>(TYPE_ALIASES.flatMap(([t, names]) => names.map((n) => [n, t] as [string, ScalarType])));

/** Maps an NRRD `type` value to a scalar type, or throws UNSUPPORTED_FORMAT naming it. */
export function nrrdScalarType(value: string, source: string): ScalarType {
  const t = TYPE_BY_NAME.get(value.trim().toLowerCase().replace(/\s+/g, " "));
  if (!t) throw new AnalysisError("UNSUPPORTED_FORMAT", `${source}: NRRD type "${value}" is not a supported scalar type`);
  return t;
}

/** Header lines are ASCII; decoding the whole file as text would be slow for large volumes. */
function findHeaderEnd(bytes: Uint8Array): { end: number; dataStart: number } {
  const limit = Math.min(bytes.length, 1 << 20);
  for (let p = 0; p < limit - 1; p++) {
    if (bytes[p] !== 0x0a) continue;
    if (bytes[p + 1] === 0x0a) return { end: p, dataStart: p + 2 };
    if (bytes[p + 1] === 0x0d && bytes[p + 2] === 0x0a) return { end: p, dataStart: p + 3 };
  }
  return { end: -1, dataStart: -1 };
}

/** True when the bytes start with the NRRD magic ("NRRD000"). */
export function looksLikeNrrd(bytes: Uint8Array): boolean {
  return bytes.length >= 8 && String.fromCharCode(...bytes.subarray(0, 7)) === "NRRD000";
}

/**
 * Splits the header into fields and key/value pairs [I30]. The header ends at the first empty
 * line; without one the file is truncated. Repeated fields and unparseable lines are corrupt [I33].
 */
export function parseNrrdHeader(bytes: Uint8Array, source: string): NrrdHeader {
  if (!looksLikeNrrd(bytes)) throw new AnalysisError("CORRUPT_FILE", `${source}: missing the NRRD magic line "NRRD000x"`);
  const { end, dataStart } = findHeaderEnd(bytes);
  const headerBytes = end < 0 ? bytes.subarray(0, Math.min(bytes.length, 1 << 20)) : bytes.subarray(0, end);
  const lines = new TextDecoder("latin1").decode(headerBytes).split(/\r?\n/);
  const magic = lines[0].trim();
  if (!/^NRRD000[1-5]$/.test(magic)) {
    throw new AnalysisError("UNSUPPORTED_FORMAT", `${source}: NRRD version "${magic}" is not NRRD0001..NRRD0005`);
  }
  const fields = new Map<string, string>();
  const keyValues = new Map<string, string>();
  for (let n = 1; n < lines.length; n++) {
    const line = lines[n];
    if (line.startsWith("#") || line.trim() === "") continue;
    const kv = line.indexOf(":=");
    const f = line.indexOf(": ");
    if (kv >= 0 && (f < 0 || kv < f)) {
      keyValues.set(line.slice(0, kv), line.slice(kv + 2));
    } else if (f >= 0) {
      const name = line.slice(0, f).trim().toLowerCase();
      if (fields.has(name)) throw new AnalysisError("CORRUPT_FILE", `${source}: NRRD field "${name}" appears twice`);
      fields.set(name, line.slice(f + 2).trim());
    } else {
      throw new AnalysisError("CORRUPT_FILE", `${source}: NRRD header line ${n + 1} "${line.slice(0, 60)}" is neither "field: value" nor "key:=value"`);
    }
  }
  // Only inline data: a core that takes bytes cannot open a second file [I32].
  if (fields.has("data file") || fields.has("datafile")) {
    throw new AnalysisError("UNSUPPORTED_FORMAT", `${source}: detached NRRD data ("data file: ${fields.get("data file") ?? fields.get("datafile")}"); save the volume as a single .nrrd with inline data`);
  }
  if (end < 0) throw new AnalysisError("CORRUPT_FILE", `${source}: NRRD header has no terminating blank line (truncated file?)`);
  return { fields, keyValues, dataStart };
}

/** Parses "(x,y,z)" into numbers; "none" gives null. Throws on a malformed vector. */
export function parseNrrdVector(text: string, source: string, what: string): number[] | null {
  const t = text.trim();
  if (t === "none") return null;
  const m = /^\(([^()]*)\)$/.exec(t);
  if (!m) throw new AnalysisError("CORRUPT_FILE", `${source}: ${what} "${t}" is not a vector like (x,y,z)`);
  const parts = m[1].split(",").map((s) => Number(s.trim()));
  if (parts.some((p) => !Number.isFinite(p))) {
    throw new AnalysisError("CORRUPT_FILE", `${source}: ${what} "${t}" has a non-finite component`);
  }
  return parts;
}

/** Splits a space-directions value into per-axis vectors ("(a,b,c) none (d,e,f)"). */
export function splitNrrdVectors(text: string): string[] {
  return text.match(/\([^()]*\)|none/g) ?? [];
}
