import { describe, expect, it } from "vitest";
import { commonPlane, formatAreaMm2, onSlice, polygonAreaMm2, projectToTile, tileAt, tilesFromScreenSlices, unprojectFromTile, type NiivueScreenSlice } from "./projection";
import type { Vec3Mm } from "./types";

// An axial tile as NiiVue 0.69 records it in radiological convention: 400 device pixels wide,
// drawn mirrored (negative width from x = 450), showing x ∈ [-100, 100] mm, y ∈ [-150, 150] mm
// at z = 20 mm; and a coronal tile beside it at y = -30 mm.
const axial: NiivueScreenSlice = { leftTopWidthHeight: [450, 10, -400, 600], axCorSag: 0, AxyzMxy: [0, 0, 20, 0, 0], leftTopMM: [-100, -150], fovMM: [200, 300] };
const coronal: NiivueScreenSlice = { leftTopWidthHeight: [500, 10, 400, 300], axCorSag: 1, AxyzMxy: [0, 0, -30, 0, 0], leftTopMM: [-100, -50], fovMM: [200, 150] };
const render: NiivueScreenSlice = { leftTopWidthHeight: [0, 0, 100, 100], axCorSag: 4, AxyzMxy: [], leftTopMM: [], fovMM: [] };
const spacing: Vec3Mm = [0.8, 0.8, 2.5];

describe("tilesFromScreenSlices", () => {
  it("keeps the 2D tiles, in CSS pixels, with mirroring undone", () => {
    const tiles = tilesFromScreenSlices([axial, render, coronal], 0.5, spacing);
    expect(tiles.map((t) => t.plane)).toEqual(["axial", "coronal"]);
    expect(tiles[0]).toMatchObject({ left: 25, top: 5, width: 200, height: 300, mirrored: true, thicknessMm: 2.5 });
    expect(tiles[1]).toMatchObject({ left: 250, width: 200, mirrored: false, thicknessMm: 0.8 });
  });
});

describe("projectToTile", () => {
  const [ax, cor] = tilesFromScreenSlices([axial, coronal], 1, spacing);

  it("mirrors a tile with a negative width as NiiVue does, with +v at the top", () => {
    // Mirrored: the smallest u (x = -100 mm) is at the tile's right edge; the largest v (y = +150 mm) at its top.
    const p = projectToTile([-100, 150, 20], ax!);
    expect(p.x).toBeCloseTo(450);
    expect(p.y).toBeCloseTo(10);
    expect(p.inside).toBe(true);
    const q = projectToTile([100, -150, 20], ax!);
    expect(q.x).toBeCloseTo(50);
    expect(q.y).toBeCloseTo(610);
  });

  it("matches NiiVue's frac2canvasPos arithmetic at an inner point", () => {
    // fracX = (25 + 100) / 200 = 0.625, mirrored → 0.375; screen x = 50 + 0.375 · 400.
    // fracY = (60 + 150) / 300 = 0.7 → screen y = 10 + 0.3 · 600.
    const p = projectToTile([25, 60, 20], ax!);
    expect(p.x).toBeCloseTo(200);
    expect(p.y).toBeCloseTo(190);
  });

  it("reports the distance from the slice, and what counts as on it (half the spacing)", () => {
    expect(projectToTile([0, 0, 21.2], ax!).offPlaneMm).toBeCloseTo(1.2);
    expect(onSlice(projectToTile([0, 0, 21.2], ax!), ax!)).toBe(true);
    expect(onSlice(projectToTile([0, 0, 21.3], ax!), ax!)).toBe(false);
    // Coronal: depth is y.
    expect(projectToTile([0, -29, 0], cor!).offPlaneMm).toBeCloseTo(1);
  });

  it("flags points outside the tile's field of view", () => {
    expect(projectToTile([150, 0, 20], ax!).inside).toBe(false);
  });

  it("round-trips through unprojectFromTile on every plane", () => {
    const sag = tilesFromScreenSlices([{ leftTopWidthHeight: [0, 0, 300, 300], axCorSag: 2, AxyzMxy: [0, 0, 12, 0, 0], leftTopMM: [-150, -50], fovMM: [300, 150] }], 1, spacing)[0]!;
    for (const [tile, mm] of [
      [ax!, [12.5, -40, 20]],
      [cor!, [33, -30, 7.5]],
      [sag, [12, 40, -20]],
    ] as const) {
      const p = projectToTile(mm as Vec3Mm, tile);
      const back = unprojectFromTile(p.x, p.y, tile);
      back.forEach((v, i) => expect(v).toBeCloseTo(mm[i]!, 6));
    }
  });

  it("finds the tile under a position", () => {
    const tiles = tilesFromScreenSlices([axial, coronal], 1, spacing);
    expect(tileAt(100, 100, tiles)).toBe(0);
    expect(tileAt(600, 100, tiles)).toBe(1);
    expect(tileAt(5, 5, tiles)).toBe(-1);
  });
});

describe("geometry", () => {
  it("measures a polygon's area in its plane", () => {
    const square: Vec3Mm[] = [
      [0, 0, 5],
      [10, 0, 5],
      [10, 10, 5],
      [0, 10, 5],
    ];
    expect(polygonAreaMm2(square, "axial")).toBeCloseTo(100);
    const coronalTriangle: Vec3Mm[] = [
      [0, 3, 0],
      [4, 3, 0],
      [0, 3, 3],
    ];
    expect(polygonAreaMm2(coronalTriangle, "coronal")).toBeCloseTo(6);
  });

  it("finds the plane points share", () => {
    expect(
      commonPlane([
        [1, 2, 3],
        [4, 5, 3],
      ]),
    ).toBe("axial");
    expect(
      commonPlane([
        [1, 2, 3],
        [1, 5, 9],
      ]),
    ).toBe("sagittal");
    expect(
      commonPlane([
        [1, 2, 3],
        [4, 5, 6],
      ]),
    ).toBeNull();
  });

  it("formats areas with their unit", () => {
    expect(formatAreaMm2(42)).toBe("42 mm²");
    expect(formatAreaMm2(1234)).toBe("12.3 cm²");
  });
});
