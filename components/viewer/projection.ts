/**
 * World millimetres ↔ positions on the viewer's 2D tiles, for what the map draws over NiiVue's
 * canvas (peers' crosshairs, annotations) and for placing annotations with the mouse.
 *
 * Pure: it reads a plain copy of NiiVue's `screenSlices` (one entry per tile on screen), so it is
 * tested without WebGL. The arithmetic mirrors NiiVue 0.69's own `frac2canvasPos`: a tile shows
 * the plane `depth = A.z + M.y·(v − A.y) − M.x·(u − A.x)` (flat for axis-aligned slices) in the
 * tile's (u, v) frame, where axial is (x, y | z), coronal (x, z | y) and sagittal (y, z | x);
 * `leftTopMM` and `fovMM` give the (u, v) extent, a negative width means the tile is mirrored
 * (radiological convention), and screen y grows downwards.
 */
import type { Vec3Mm } from "./types";

export type TilePlane = "axial" | "coronal" | "sagittal";

/** A 2D tile of the viewer, in CSS pixels of the canvas element. */
export interface ScreenTile {
  plane: TilePlane;
  left: number;
  top: number;
  width: number;
  height: number;
  mirrored: boolean;
  /** (u, v) of the tile's left-top corner before mirroring, mm. */
  leftTopMm: [number, number];
  /** (u, v) extent, mm. */
  fovMm: [number, number];
  /** NiiVue's plane: [A.u, A.v, A.depth, M.u, M.v]. */
  plane5: [number, number, number, number, number];
  /** Voxel spacing across the plane, mm: what counts as "on this slice". */
  thicknessMm: number;
}

/** NiiVue's screen-slice record, as far as it is read here. */
export interface NiivueScreenSlice {
  leftTopWidthHeight: number[];
  axCorSag: number;
  AxyzMxy: number[];
  leftTopMM: number[];
  fovMM: number[];
}

const PLANES: Record<number, TilePlane> = { 0: "axial", 1: "coronal", 2: "sagittal" };

/** (u, v, depth) of a world point in a plane's frame. */
export function toPlaneFrame(mm: Vec3Mm, plane: TilePlane): Vec3Mm {
  const [x, y, z] = mm;
  return plane === "axial" ? [x, y, z] : plane === "coronal" ? [x, z, y] : [y, z, x];
}

export function fromPlaneFrame(uvd: Vec3Mm, plane: TilePlane): Vec3Mm {
  const [u, v, d] = uvd;
  return plane === "axial" ? [u, v, d] : plane === "coronal" ? [u, d, v] : [d, u, v];
}

/**
 * The 2D tiles among NiiVue's screen slices (the 3D render is left out), converted to CSS pixels.
 * `cssPerDevicePixel` is the canvas's client width over its pixel width; `spacingRasMm` the back
 * volume's voxel spacing along x, y, z.
 */
export function tilesFromScreenSlices(slices: readonly NiivueScreenSlice[], cssPerDevicePixel: number, spacingRasMm: Vec3Mm): ScreenTile[] {
  const tiles: ScreenTile[] = [];
  for (const s of slices) {
    const plane = PLANES[s.axCorSag];
    if (!plane || s.AxyzMxy.length < 5 || s.leftTopMM.length < 2 || s.fovMM.length < 2) continue;
    const [x0, top, w0, height] = s.leftTopWidthHeight as [number, number, number, number];
    const mirrored = w0 < 0;
    const left = mirrored ? x0 + w0 : x0;
    const width = Math.abs(w0);
    const k = cssPerDevicePixel;
    tiles.push({
      plane,
      left: left * k,
      top: top * k,
      width: width * k,
      height: height * k,
      mirrored,
      leftTopMm: [s.leftTopMM[0]!, s.leftTopMM[1]!],
      fovMm: [s.fovMM[0]!, s.fovMM[1]!],
      plane5: s.AxyzMxy.slice(0, 5) as ScreenTile["plane5"],
      thicknessMm: plane === "axial" ? spacingRasMm[2] : plane === "coronal" ? spacingRasMm[1] : spacingRasMm[0],
    });
  }
  return tiles;
}

/** The depth of the tile's plane at (u, v). */
function planeDepth(tile: ScreenTile, u: number, v: number): number {
  const [au, av, ad, mu, mv] = tile.plane5;
  return ad + mv * (v - av) - mu * (u - au);
}

export interface Projected {
  /** CSS pixels in the canvas element. */
  x: number;
  y: number;
  /** Signed distance from the tile's plane along its depth axis, mm (positive: superior, anterior or left of it, per plane). */
  offPlaneMm: number;
  /** Inside the tile's rectangle. */
  inside: boolean;
}

/** Where a world point falls on a tile (its orthogonal projection onto the tile's plane). */
export function projectToTile(mm: Vec3Mm, tile: ScreenTile): Projected {
  const [u, v, d] = toPlaneFrame(mm, tile.plane);
  const fx = (u - tile.leftTopMm[0]) / tile.fovMm[0];
  const fy = (v - tile.leftTopMm[1]) / tile.fovMm[1];
  const sx = tile.mirrored ? 1 - fx : fx;
  return {
    x: tile.left + sx * tile.width,
    y: tile.top + (1 - fy) * tile.height,
    offPlaneMm: d - planeDepth(tile, u, v),
    inside: fx >= 0 && fx <= 1 && fy >= 0 && fy <= 1,
  };
}

/** On the tile's slice: within half a voxel of its plane. */
export function onSlice(p: Projected, tile: ScreenTile): boolean {
  return Math.abs(p.offPlaneMm) <= tile.thicknessMm / 2 + 1e-3;
}

/** The tile under a CSS-pixel position, if any. */
export function tileAt(x: number, y: number, tiles: readonly ScreenTile[]): number {
  return tiles.findIndex((t) => x >= t.left && x <= t.left + t.width && y >= t.top && y <= t.top + t.height);
}

/** The world point shown at a CSS-pixel position of a tile (on the tile's plane). */
export function unprojectFromTile(x: number, y: number, tile: ScreenTile): Vec3Mm {
  const sx = (x - tile.left) / tile.width;
  const fx = tile.mirrored ? 1 - sx : sx;
  const fy = 1 - (y - tile.top) / tile.height;
  const u = tile.leftTopMm[0] + fx * tile.fovMm[0];
  const v = tile.leftTopMm[1] + fy * tile.fovMm[1];
  return fromPlaneFrame([u, v, planeDepth(tile, u, v)], tile.plane);
}

/** Euclidean distance between world points, mm. */
export function distanceMm(a: Vec3Mm, b: Vec3Mm): number {
  return Math.hypot(a[0] - b[0], a[1] - b[1], a[2] - b[2]);
}

/** Area of a polygon lying in one tile's plane, mm² (shoelace in the plane's (u, v) frame). */
export function polygonAreaMm2(points: readonly Vec3Mm[], plane: TilePlane): number {
  let twice = 0;
  for (let i = 0; i < points.length; i++) {
    const [u1, v1] = toPlaneFrame(points[i]!, plane);
    const [u2, v2] = toPlaneFrame(points[(i + 1) % points.length]!, plane);
    twice += u1 * v2 - u2 * v1;
  }
  return Math.abs(twice) / 2;
}

/** The plane a set of points lies in (all share one coordinate within `toleranceMm`), else null. */
export function commonPlane(points: readonly Vec3Mm[], toleranceMm = 0.01): TilePlane | null {
  if (points.length === 0) return null;
  const flat = (axis: number) => points.every((p) => Math.abs(p[axis]! - points[0]![axis]!) <= toleranceMm);
  return flat(2) ? "axial" : flat(1) ? "coronal" : flat(0) ? "sagittal" : null;
}

/** "12.3 mm"; areas in mm² below 1 cm², else cm². */
export function formatLengthMm(mm: number): string {
  return `${mm.toFixed(1)} mm`;
}

export function formatAreaMm2(mm2: number): string {
  return mm2 < 100 ? `${mm2.toFixed(0)} mm²` : `${(mm2 / 100).toFixed(1)} cm²`;
}
