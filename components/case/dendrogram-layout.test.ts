import { describe, expect, it } from "vitest";
import { wardDendrogram, type Dendrogram } from "@/server/analysis/interlesional/ward";
import { layoutDendrogram, zColour } from "./dendrogram-layout";

/** Four lesions on a line: A and B close, C and D close, the pairs far apart. */
const ids = ["A", "B", "C", "D"];
const pos = [0, 1, 10, 12];
const distances = pos.map((p) => pos.map((q) => Math.abs(p - q)));
const dendrogram = wardDendrogram(distances, ids);

describe("layoutDendrogram", () => {
  const layout = layoutDendrogram(dendrogram, 20, 100);

  it("puts the leaves at row centres in the stored leaf order (the heatmap's rows)", () => {
    expect(layout.leaves.map((l) => l.lesionId)).toEqual(dendrogram.leafOrder);
    expect(layout.leaves.map((l) => l.y)).toEqual([10, 30, 50, 70]);
  });

  it("places merges by Ward height: the root at x = 0, lower merges nearer the leaves", () => {
    const root = layout.merges.find((m) => m.height === layout.maxHeight)!;
    expect(root.x).toBe(0);
    const ab = layout.merges.find((m) => m.y === 20)!;
    const cd = layout.merges.find((m) => m.y === 60)!;
    // A-B (1 apart) merge lower than C-D (2 apart): further right.
    expect(ab.x).toBeGreaterThan(cd.x);
    expect(layout.merges).toHaveLength(3);
  });

  it("draws one elbow link per child, ending at the leaves' x", () => {
    expect(layout.links).toHaveLength(6);
    expect(layout.links.filter((d) => d.endsWith("H100"))).toHaveLength(4);
    for (const d of layout.links) expect(d).toMatch(/^M[\d.]+,[\d.]+V[\d.]+H[\d.]+$/);
  });

  it("follows the stored leaf order even when it is not the id order", () => {
    const flipped: Dendrogram = { ...dendrogram, leafOrder: ["C", "D", "A", "B"] };
    expect(layoutDendrogram(flipped, 10, 50).leaves.map((l) => l.lesionId)).toEqual(["C", "D", "A", "B"]);
  });

  it("lays out two lesions as one merge", () => {
    const two = wardDendrogram([[0, 2], [2, 0]], ["L1", "L2"]);
    const l = layoutDendrogram(two, 24, 60);
    expect(l.leaves).toEqual([{ lesionId: "L1", y: 12 }, { lesionId: "L2", y: 36 }]);
    expect(l.merges).toEqual([{ x: 0, y: 24, height: two.nodes[2]!.height }]);
  });
});

describe("zColour", () => {
  it("is grey at the reference mean, blue below, red above, saturating at 3 SD", () => {
    expect(zColour(0)).toBe("rgb(42, 50, 61)");
    expect(zColour(-3)).toBe("rgb(79, 179, 232)");
    expect(zColour(3)).toBe("rgb(236, 122, 111)");
    expect(zColour(9)).toBe(zColour(3));
    expect(zColour(1.5)).toBe("rgb(139, 86, 86)");
  });
});
