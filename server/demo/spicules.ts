/**
 * Spiculation of a large lung primary: thin fibrotic strands radiating from the tumour into the
 * lung (a hallmark of adenocarcinoma on CT). Image only: a reader measures the solid tumour, so the
 * label map leaves the strands out.
 */
import { createRng } from "./noise";
import { unitRadius, type LesionInstance } from "./lesion-textures";
import { SCAN_DIMS, SCAN_SPACING_MM, worldX, worldY } from "./scan-grid";
import type { Vec3 } from "./shapes";
import { segment, segmentOccupancy, type Segment } from "./vessel-tree";

/** A strand: a segment tapering to a third of its radius, and its reach from the lesion centre. */
export interface Spicule {
  segment: Segment;
  lengthMm: number;
}

const HU_STRAND = 25;

export function spiculesOf(l: LesionInstance): Spicule[] {
  if (l.ch.texture !== "solid-nodule" || l.sizeMm < 20) return [];
  const rng = createRng(l.ch.seed ^ 0x5b1c);
  const out: Spicule[] = [];
  // A corona of strands, evenly spread round the tumour with some jitter, mostly near its equator.
  const count = 20;
  for (let i = 0; i < count; i++) {
    const theta = (2 * Math.PI * (i + 0.7 * rng())) / count;
    const q = (rng() - 0.5) * 0.6;
    const rim = 0.85 * l.radiusMm * unitRadius(l.ch, theta) * Math.sqrt(1 - q * q);
    const world = theta + l.ch.angle;
    const dir: Vec3 = [Math.cos(world), Math.sin(world), (rng() - 0.5) * 0.3];
    const len = (0.5 + 0.5 * rng()) * l.radiusMm;
    const a: Vec3 = [l.centre[0] + rim * Math.cos(world), l.centre[1] + rim * Math.sin(world), l.centre[2] + q * l.zSemiMm];
    const r = 1.4 + 0.8 * rng();
    out.push({ segment: segment(a, [a[0] + dir[0] * len, a[1] + dir[1] * len, a[2] + dir[2] * len], r, 0.3 * r), lengthMm: len + rim });
  }
  return out;
}

/** Blends the strands into one slice (world z) over the lesion's pixel box, where darker than a strand (lung). */
export function paintSpicules(spicules: Spicule[], z: number, subPlanes: number[], hu: Float32Array, box: [number, number, number, number]): void {
  const nx = SCAN_DIMS[0], px = SCAN_SPACING_MM[0];
  const zs = subPlanes.map((dz) => z + dz);
  const [c0, c1, r0, r1] = box;
  for (let r = r0; r <= r1; r++) {
    const y = worldY(r);
    for (let c = c0; c <= c1; c++) {
      const x = worldX(c);
      let best = 0;
      for (const s of spicules) best = Math.max(best, segmentOccupancy(s.segment, x, y, zs, px));
      const p = r * nx + c;
      if (best > 0 && hu[p] < HU_STRAND) hu[p] += best * (HU_STRAND - hu[p]);
    }
  }
}
