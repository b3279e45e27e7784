import { describe, expect, it } from "vitest";
import { readVolume } from "./read-volume";
import { bytesOf, expectAnalysisError, gz, makeNrrd } from "./test-utils";

const values = Int16Array.from({ length: 24 }, (_, n) => n * 3 - 20);
const LPS_HEADER = [
  "type: short",
  "dimension: 3",
  "space: left-posterior-superior",
  "sizes: 4 3 2",
  "space directions: (0.5,0,0) (0,0.75,0) (0,0,2)",
  "kinds: domain domain domain",
  "endian: little",
  "space origin: (10,20,-30)",
];

function bigEndian(a: Int16Array): Uint8Array {
  const b = new Uint8Array(a.length * 2);
  const v = new DataView(b.buffer);
  a.forEach((x, n) => v.setInt16(2 * n, x, false));
  return b;
}

describe("readVolume: NRRD", () => {
  it("[I34] reads raw little- and big-endian, gzip and ascii encodings to the same voxels", () => {
    const raw = readVolume(makeNrrd([...LPS_HEADER, "encoding: raw"], bytesOf(values)), "a.nrrd");
    const be = readVolume(makeNrrd([...LPS_HEADER.filter((l) => !l.startsWith("endian")), "endian: big", "encoding: raw"], bigEndian(values)), "b.nrrd");
    const gzip = readVolume(makeNrrd([...LPS_HEADER, "encoding: gzip"], gz(bytesOf(values))), "c.nrrd");
    const ascii = readVolume(makeNrrd([...LPS_HEADER, "encoding: ascii"], Array.from(values).join(" ") + "\n"), "d.nrrd");
    for (const v of [raw, be, gzip, ascii]) {
      expect(v.data).toBeInstanceOf(Int16Array);
      expect(Array.from(v.data)).toEqual(Array.from(values));
      expect(v.dims).toEqual([4, 3, 2]);
    }
  });

  it("[I35] [I36] builds the affine from space directions and origin, converting LPS to RAS by negating x and y", () => {
    const v = readVolume(makeNrrd([...LPS_HEADER, "encoding: raw"], bytesOf(values)), "a.nrrd");
    expect(v.affine).toEqual([-0.5, 0, 0, -10, 0, -0.75, 0, -20, 0, 0, 2, -30, 0, 0, 0, 1]);
    expect(v.spacingMm).toEqual([0.5, 0.75, 2]);
    const ras = readVolume(makeNrrd([...LPS_HEADER.map((l) => l.replace("left-posterior-superior", "RAS")), "encoding: raw"], bytesOf(values)), "r.nrrd");
    expect(ras.affine).toEqual([0.5, 0, 0, 10, 0, 0.75, 0, 20, 0, 0, 2, -30, 0, 0, 0, 1]);
    const las = readVolume(makeNrrd([...LPS_HEADER.map((l) => l.replace("left-posterior-superior", "left-anterior-superior")), "encoding: raw"], bytesOf(values)), "l.nrrd");
    expect(las.affine).toEqual([-0.5, 0, 0, -10, 0, 0.75, 0, 20, 0, 0, 2, -30, 0, 0, 0, 1]);
  });

  it("[I35] reads oblique space directions; spacing is their norm", () => {
    const v = readVolume(makeNrrd(["type: uchar", "dimension: 3", "space: RAS", "sizes: 2 2 1", "space directions: (0.6,0.8,0) (-0.8,0.6,0) (0,0,3)", "encoding: raw"], new Uint8Array(4)), "o.nrrd");
    v.spacingMm.forEach((s, n) => expect(s).toBeCloseTo([1, 1, 3][n], 12));
  });

  it("[I36] a NRRD without a space field is read as ITK does: LPS, directions = identity x spacings, origin 0", () => {
    const v = readVolume(makeNrrd(["type: uchar", "dimension: 3", "sizes: 2 2 2", "spacings: 2 3 4", "encoding: raw"], new Uint8Array(8)), "s.nrrd");
    expect(v.affine).toEqual([-2, 0, 0, 0, 0, -3, 0, 0, 0, 0, 4, 0, 0, 0, 0, 1]);
  });

  it("[I35] accepts mm space units and rejects others", () => {
    expect(readVolume(makeNrrd([...LPS_HEADER, 'space units: "mm" "mm" "mm"', "encoding: raw"], bytesOf(values)), "u.nrrd").spacingMm).toEqual([0.5, 0.75, 2]);
    expectAnalysisError(() => readVolume(makeNrrd([...LPS_HEADER, 'space units: "m" "m" "m"', "encoding: raw"], bytesOf(values)), "m.nrrd"), "UNSUPPORTED_FORMAT", /space units m, m, m/);
  });

  it("[I36] rejects spaces that have no anatomical orientation", () => {
    expectAnalysisError(
      () => readVolume(makeNrrd([...LPS_HEADER.map((l) => l.replace("left-posterior-superior", "scanner-xyz")), "encoding: raw"], bytesOf(values)), "x.nrrd"),
      "UNSUPPORTED_FORMAT",
      /space "scanner-xyz" is not RAS, LAS or LPS/,
    );
  });

  it("[I34] accepts a 4D NRRD with a length-1 leading or trailing axis", () => {
    const lead = ["type: short", "dimension: 4", "space: LPS", "sizes: 1 4 3 2", "space directions: none (0.5,0,0) (0,0.75,0) (0,0,2)", "kinds: list domain domain domain", "endian: little", "encoding: raw"];
    expect(readVolume(makeNrrd(lead, bytesOf(values)), "l.nrrd").dims).toEqual([4, 3, 2]);
    const trail = ["type: short", "dimension: 4", "space: LPS", "sizes: 4 3 2 1", "space directions: (0.5,0,0) (0,0.75,0) (0,0,2) none", "endian: little", "encoding: raw"];
    const t = readVolume(makeNrrd(trail, bytesOf(values)), "t.nrrd");
    expect(Array.from(t.data)).toEqual(Array.from(values));
    expectAnalysisError(
      () => readVolume(makeNrrd(lead.map((l) => l.replace("sizes: 1 4 3 2", "sizes: 2 4 3 2")), new Uint8Array(96)), "v.nrrd"),
      "UNSUPPORTED_FORMAT",
      /4D NRRD with 2 components per voxel/,
    );
  });

  it("[I34] rejects dimensions other than 3 or 4, and a non-spatial axis in the middle", () => {
    expectAnalysisError(() => readVolume(makeNrrd(["type: uchar", "dimension: 2", "sizes: 2 2", "spacings: 1 1", "encoding: raw"], new Uint8Array(4)), "d.nrrd"), "UNSUPPORTED_FORMAT", /dimension 2/);
    expectAnalysisError(
      () => readVolume(makeNrrd(["type: uchar", "dimension: 4", "space: LPS", "sizes: 2 1 2 2", "space directions: (1,0,0) none (0,1,0) (0,0,1)", "encoding: raw"], new Uint8Array(8)), "m.nrrd"),
      "UNSUPPORTED_FORMAT",
      /non-spatial axis is axis 1/,
    );
  });

  it("[I37] rejects data whose size does not match sizes x type (raw, gzip, ascii)", () => {
    expectAnalysisError(() => readVolume(makeNrrd([...LPS_HEADER, "encoding: raw"], bytesOf(values).subarray(0, 40)), "t.nrrd"), "CORRUPT_FILE", /raw data holds 40 bytes but sizes x type need 48 \(24 voxels of int16\)/);
    expectAnalysisError(() => readVolume(makeNrrd([...LPS_HEADER, "encoding: gzip"], gz(new Uint8Array(50))), "g.nrrd"), "CORRUPT_FILE", /gzip data holds 50 bytes but sizes x type need 48/);
    const z = gz(bytesOf(values));
    expectAnalysisError(() => readVolume(makeNrrd([...LPS_HEADER, "encoding: gzip"], z.subarray(0, z.length - 10)), "tz.nrrd"), "CORRUPT_FILE", /gzip data cannot be decompressed/);
    expectAnalysisError(() => readVolume(makeNrrd([...LPS_HEADER, "encoding: ascii"], "1 2 3"), "a.nrrd"), "CORRUPT_FILE", /ascii data has 3 values, expected 24/);
    expectAnalysisError(() => readVolume(makeNrrd(["type: uchar", "dimension: 3", "sizes: 1 1 2", "spacings: 1 1 1", "encoding: ascii"], "1 300"), "r.nrrd"), "CORRUPT_FILE", /"300" is not a valid uint8/);
  });

  it("[I37] honours byte skip, including -1 for raw data at the end of the file", () => {
    const padded = new Uint8Array(52);
    padded.set(bytesOf(values), 4);
    expect(Array.from(readVolume(makeNrrd([...LPS_HEADER, "encoding: raw", "byte skip: 4"], padded), "s.nrrd").data)).toEqual(Array.from(values));
    expect(Array.from(readVolume(makeNrrd([...LPS_HEADER, "encoding: raw", "byte skip: -1"], padded), "e.nrrd").data)).toEqual(Array.from(values));
  });

  it("[I32] [I33] rejects detached data, unknown types and encodings, missing endian and malformed headers", () => {
    expectAnalysisError(() => readVolume(makeNrrd([...LPS_HEADER, "encoding: raw", "data file: vol.raw"], new Uint8Array(0)), "h.nrrd"), "UNSUPPORTED_FORMAT", /detached NRRD data \("data file: vol.raw"\)/);
    expectAnalysisError(() => readVolume(makeNrrd([...LPS_HEADER.map((l) => l.replace("type: short", "type: block")), "encoding: raw"], bytesOf(values)), "b.nrrd"), "UNSUPPORTED_FORMAT", /type "block"/);
    expectAnalysisError(() => readVolume(makeNrrd([...LPS_HEADER, "encoding: bzip2"], bytesOf(values)), "z.nrrd"), "UNSUPPORTED_FORMAT", /encoding "bzip2"/);
    expectAnalysisError(() => readVolume(makeNrrd([...LPS_HEADER.filter((l) => !l.startsWith("endian")), "encoding: raw"], bytesOf(values)), "e.nrrd"), "CORRUPT_FILE", /"endian" is required for 2-byte int16/);
    expectAnalysisError(() => readVolume(makeNrrd([...LPS_HEADER, "encoding: raw", "this line is garbage"], bytesOf(values)), "g.nrrd"), "CORRUPT_FILE", /line 11 "this line is garbage"/);
    expectAnalysisError(() => readVolume(makeNrrd([...LPS_HEADER, "encoding: raw", "sizes: 1 1 1"], bytesOf(values)), "d.nrrd"), "CORRUPT_FILE", /"sizes" appears twice/);
    expectAnalysisError(() => readVolume(new TextEncoder().encode("NRRD0004\ntype: short\ndimension: 3"), "t.nrrd"), "CORRUPT_FILE", /no terminating blank line/);
    expectAnalysisError(() => readVolume(makeNrrd([...LPS_HEADER, "encoding: raw"], bytesOf(values), "NRRD0009"), "v.nrrd"), "UNSUPPORTED_FORMAT", /NRRD version "NRRD0009"/);
  });

  it("[I33] rejects sizes <= 0, NaN spacings and directions, and a singular grid", () => {
    expectAnalysisError(() => readVolume(makeNrrd([...LPS_HEADER.map((l) => l.replace("sizes: 4 3 2", "sizes: 4 0 2")), "encoding: raw"], new Uint8Array(0)), "s.nrrd"), "CORRUPT_FILE", /size of axis 1 is 0/);
    expectAnalysisError(() => readVolume(makeNrrd(["type: uchar", "dimension: 3", "sizes: 1 1 2", "spacings: 1 nan 1", "encoding: raw"], new Uint8Array(2)), "n.nrrd"), "CORRUPT_FILE", /spacing of spatial axis 1 is NaN/);
    expectAnalysisError(() => readVolume(makeNrrd([...LPS_HEADER.map((l) => l.replace("(0,0.75,0)", "(0,nan,0)")), "encoding: raw"], bytesOf(values)), "d.nrrd"), "CORRUPT_FILE", /space direction 1 "\(0,nan,0\)" has a non-finite component/);
    expectAnalysisError(() => readVolume(makeNrrd([...LPS_HEADER.map((l) => l.replace("(0,0.75,0)", "(1,0,0)")), "encoding: raw"], bytesOf(values)), "c.nrrd"), "CORRUPT_FILE", /collinear/);
    expectAnalysisError(() => readVolume(makeNrrd([...LPS_HEADER.map((l) => l.replace("(0,0,2)", "none")), "encoding: raw"], bytesOf(values)), "x.nrrd"), "UNSUPPORTED_FORMAT", /2 spatial axes; exactly 3/);
  });
});
