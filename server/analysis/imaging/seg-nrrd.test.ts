import { describe, expect, it } from "vitest";
import { readVolume } from "./read-volume";
import { readSegNrrd } from "./seg-nrrd";
import { expectAnalysisError, gz, makeNrrd } from "./test-utils";

/** A 2x2x1 grid; `layers` is the number of leading layer components. */
function segHeader(layers: number, meta: string[]): string[] {
  const dim4 = layers > 0;
  return [
    "type: unsigned char",
    `dimension: ${dim4 ? 4 : 3}`,
    "space: left-posterior-superior",
    `sizes: ${dim4 ? `${layers} ` : ""}2 2 1`,
    `space directions: ${dim4 ? "none " : ""}(1,0,0) (0,1,0) (0,0,2)`,
    `kinds: ${dim4 ? "list " : ""}domain domain domain`,
    "encoding: gzip",
    "space origin: (5,6,7)",
    ...meta,
  ];
}

const modern = (i: number, id: string, name: string, label: number, layer: number) => [
  `Segment${i}_ID:=${id}`, `Segment${i}_Name:=${name}`, `Segment${i}_LabelValue:=${label}`, `Segment${i}_Layer:=${layer}`,
];

describe("readSegNrrd", () => {
  it("[I38] a single-layer 3D segmentation keeps its label values and lists its segments", () => {
    const file = makeNrrd(segHeader(0, [...modern(0, "tumor", "Tumor", 1, 0), ...modern(1, "node", "Node 1", 3, 0)]), gz(Uint8Array.from([0, 1, 3, 3])));
    const seg = readSegNrrd(file, "s.seg.nrrd");
    expect(Array.from(seg.labelMap.data)).toEqual([0, 1, 3, 3]);
    expect(seg.segments).toEqual([{ labelValue: 1, id: "tumor", name: "Tumor" }, { labelValue: 3, id: "node", name: "Node 1" }]);
    expect(seg.labelMap.affine).toEqual([-1, 0, 0, -5, 0, -1, 0, -6, 0, 0, 2, 7, 0, 0, 0, 1]);
    expect(Array.from(readVolume(file, "s.seg.nrrd").data)).toEqual([0, 1, 3, 3]);
  });

  it("[I38] merges non-overlapping layers (layer axis first, fastest) into one label map", () => {
    // Voxel-major with 2 layers: (layer0, layer1) per voxel.
    const data = Uint8Array.from([1, 0, 0, 2, 0, 0, 0, 5]);
    const file = makeNrrd(segHeader(2, [...modern(0, "a", "A", 1, 0), ...modern(1, "b", "B", 2, 1), ...modern(2, "c", "C", 5, 1)]), gz(data));
    expect(Array.from(readSegNrrd(file, "m.seg.nrrd").labelMap.data)).toEqual([1, 2, 0, 5]);
  });

  it("[I38] rejects overlapping segments in different layers, naming the voxel", () => {
    const data = Uint8Array.from([1, 2, 0, 0, 0, 0, 0, 0]);
    const file = makeNrrd(segHeader(2, [...modern(0, "a", "A", 1, 0), ...modern(1, "b", "B", 2, 1)]), gz(data));
    expectAnalysisError(() => readSegNrrd(file, "o.seg.nrrd"), "UNSUPPORTED_FORMAT", /labels 1 and 2 overlap at voxel 0/);
  });

  it("[I38] rejects two segments with one label value in different layers, and undeclared voxel values", () => {
    const dup = makeNrrd(segHeader(2, [...modern(0, "a", "A", 1, 0), ...modern(1, "b", "B", 1, 1)]), gz(new Uint8Array(8)));
    expectAnalysisError(() => readSegNrrd(dup, "d.seg.nrrd"), "UNSUPPORTED_FORMAT", /"A" and "B" share label value 1/);
    const undeclared = makeNrrd(segHeader(0, modern(0, "a", "A", 1, 0)), gz(Uint8Array.from([0, 1, 4, 0])));
    expectAnalysisError(() => readSegNrrd(undeclared, "u.seg.nrrd"), "CORRUPT_FILE", /voxel 2 of layer 0 has value 4, which no segment declares/);
    const badLayer = makeNrrd(segHeader(0, modern(0, "a", "A", 1, 2)), gz(new Uint8Array(4)));
    expectAnalysisError(() => readSegNrrd(badLayer, "l.seg.nrrd"), "CORRUPT_FILE", /in layer 2, but the file has 1 layer/);
  });

  it("[I38] legacy (Slicer < 4.11) files with one binary layer per segment get labels 1..n in segment order", () => {
    const legacy = [0, 1].flatMap((i) => [`Segment${i}_ID:=s${i}`, `Segment${i}_Name:=S${i}`]);
    const data = Uint8Array.from([1, 0, 0, 1, 0, 0, 0, 0]);
    const seg = readSegNrrd(makeNrrd(segHeader(2, legacy), gz(data)), "legacy.seg.nrrd");
    expect(Array.from(seg.labelMap.data)).toEqual([1, 2, 0, 0]);
    expect(seg.segments.map((s) => s.labelValue)).toEqual([1, 2]);
  });

  it("[I39] a .seg.nrrd without segment metadata is a plain label map; several layers without metadata are rejected", () => {
    const plain = readSegNrrd(makeNrrd(segHeader(0, []), gz(Uint8Array.from([0, 7, 7, 2]))), "p.seg.nrrd");
    expect(Array.from(plain.labelMap.data)).toEqual([0, 7, 7, 2]);
    expect(plain.segments.map((s) => s.labelValue)).toEqual([2, 7]);
    expectAnalysisError(() => readSegNrrd(makeNrrd(segHeader(2, []), gz(new Uint8Array(8))), "n.seg.nrrd"), "UNSUPPORTED_FORMAT", /2 layers but no Segment<N>_\* metadata/);
  });
});
