/**
 * Thorax: diaphragm, lungs, heart, mediastinal vessels and airways, thyroid, clavicles, breasts.
 * The lungs are what is left of the body cavity above the diaphragm and below the apices once the
 * mediastinum (every mediastinal structure grown by a few mm, plus a midline column and the spine)
 * is taken out, so their medial surfaces hug the heart, aorta and hila the way real lungs do.
 */
import type { Patient } from "./patient";
import { TISSUE, layer, type Layer } from "./painter";
import { fbm3 } from "./noise";
import * as M from "./mediastinum";
import { ellipsoid, pwl, smin, smoothstep, tabulate, tubes, type Implicit, type TubePoints } from "./shapes";
import { vertebralBody } from "./spine";

type Height = (x: number, y: number) => number;

function dome(x: number, y: number, cx: number, cy: number, top: number): number {
  // Steeper behind than in front: the posterior costophrenic recesses reach lowest.
  const gy = y >= cy ? ((y - cy) / 75) ** 2 * 30 : ((y - cy) / 85) ** 2 * 90;
  return top - ((x - cx) / 70) ** 2 * 35 - gy;
}

/** Upper surface of the diaphragm: right dome highest, left ~15 mm lower, the heart on the tendon. */
export const diaphragmZ: Height = tabulate(
  (x, y) => {
    const domes = -smin(-dome(x, y, 58, 8, 0), -dome(x, y, -58, 3, -15), 12);
    const tendon = -20 - ((x + 5) / 60) ** 2 * 15 - ((y - 25) / 55) ** 2 * 25;
    return Math.max(domes, tendon, -100);
  },
  -200, 200, -160, 160, 1,
);

/** The lung apices rise above the first ribs beside the spine. */
const apexZ: Height = (x, y) => 190 - ((Math.abs(x) - 44) ** 2 + (1.2 * (y + 6)) ** 2) / 55;

/** Inside where z < f(x, y) + offset, normalised by the surface slope so it stays distance-like. */
export function belowSurface(f: Height, offset: number): Implicit {
  return (x, y, z) => {
    const h = f(x, y);
    const gx = (f(x + 0.5, y) - h) / 0.5, gy = (f(x, y + 0.5) - h) / 0.5;
    return (z - h - offset) / Math.sqrt(1 + gx * gx + gy * gy);
  };
}

export function aboveSurface(f: Height, offset: number): Implicit {
  const below = belowSurface(f, offset);
  return (x, y, z) => -below(x, y, z);
}

/**
 * Mediastinal structures the lungs keep a fat margin from. Hilar vessels and bronchi are left out:
 * in the hila the lung wraps them directly.
 */
const MEDIASTINAL_TUBES: TubePoints[] = [
  M.AORTA, M.SVC, M.RIGHT_BCV, M.LEFT_BCV, M.LEFT_IJV, M.BRACHIOCEPHALIC, M.LEFT_CCA, M.LEFT_SCA,
  M.PULMONARY_TRUNK, M.IVC, M.AZYGOS, M.TRACHEA, M.ESOPHAGUS,
];

export interface Thorax {
  layers: Layer[];
  /** The lungs' implicit before the cavity clip (vessel trees also test the cavity). */
  lung: Implicit;
}

export function thorax(p: Patient): Thorax {
  const heart = M.makeHeart(p.heartScale);
  const around = tubes(MEDIASTINAL_TUBES, 3).phi;
  const body = vertebralBody(p);
  const columnZ = [80, 100], columnHalfWidth = [8, 16];
  const column: Implicit = (x, y, z) => Math.max(Math.abs(x - 2) - pwl(columnZ, columnHalfWidth, z), -24 - y);
  const spineBlock: Implicit = (x, y, z) => Math.min(body(x, y, z) - 4, Math.max(Math.abs(x) - 14, y + 40));
  // The right paratracheal fat (station 4R) between trachea, SVC and the azygos arch.
  const paratracheal = ellipsoid([24, 0, 112], [13, 15, 22]);
  const mediastinum: Implicit = (x, y, z) =>
    smin(smin(smin(smin(column(x, y, z), spineBlock(x, y, z), 6), paratracheal(x, y, z), 6), heart.outer(x, y, z) - 6, 8), around(x, y, z), 6);
  const aboveDiaphragm = aboveSurface(diaphragmZ, 0.5);
  const belowApex = belowSurface(apexZ, 0);
  // Cheapest tests first: most voxels are decided by the diaphragm or the apex alone.
  const lung: Implicit = (x, y, z) => {
    const a = Math.max(aboveDiaphragm(x, y, z), belowApex(x, y, z));
    return a > 10 ? a : Math.max(a, -mediastinum(x, y, z));
  };
  // Dependent (posterior) lung is denser in a supine patient: a gentle gradient. Its texture comes
  // from the vessel trees and the scan noise.
  const lungHu = (_x: number, y: number) => -862 + 55 * smoothstep(10, -85, y);
  const underDiaphragmTop = belowSurface(diaphragmZ, 0.5), overDiaphragmBottom = aboveSurface(diaphragmZ, -5);
  const slab: Implicit = (x, y, z) => Math.max(underDiaphragmTop(x, y, z), overDiaphragmBottom(x, y, z));
  const cavityBox = { zMin: -105, zMax: 200, box: [-160, 160, -130, 130] as [number, number, number, number] };
  const diaphragmBox = { ...cavityBox, zMin: -105, zMax: 8 };

  const t = (tissue: (typeof TISSUE)[keyof typeof TISSUE], hu: number, pts: TubePoints[], grow = 0) => {
    const tb = tubes(pts, grow);
    return layer(tissue, hu, tb.phi, tb);
  };
  const heartBounds = { zMin: heart.zMin, zMax: heart.zMax, box: heart.box };
  const layers: Layer[] = [
    layer(TISSUE.muscle, 45, slab, diaphragmBox, { clip: "cavity" }),
    layer(TISSUE.lung, lungHu, lung, cavityBox, { clip: "cavity", record: "lung" }),
    layer(TISSUE.myocardium, 95, heart.outer, heartBounds),
    layer(TISSUE.blood, 140, heart.pool, heartBounds),
    layer(TISSUE.myocardium, 98, heart.lvWall, heartBounds),
    layer(TISSUE.blood, 150, heart.lvCavity, heartBounds),
    t(TISSUE.blood, 150, [M.AORTA, M.BRACHIOCEPHALIC, M.LEFT_CCA, M.LEFT_SCA]),
    t(TISSUE.blood, 142, [M.PULMONARY_TRUNK, M.RIGHT_PA, M.LEFT_PA, ...M.PULMONARY_VEINS]),
    t(TISSUE.blood, 135, [M.SVC, M.RIGHT_BCV, M.LEFT_BCV, M.LEFT_IJV]),
    t(TISSUE.blood, 125, [M.AZYGOS, M.HEMIAZYGOS]),
    t(TISSUE.soft, 42, [M.ESOPHAGUS]),
    t(TISSUE.soft, 60, [M.TRACHEA, ...M.BRONCHI]),
    t(TISSUE.airway, -1000, [M.TRACHEA], -1.8),
    t(TISSUE.airway, -1000, M.BRONCHI, -1.4),
  ];
  // Thyroid lobes and isthmus at the thoracic inlet (iodine makes it bright even before contrast).
  const thyroid: Implicit = (x, y, z) =>
    Math.min(ellipsoid([20, 14, 192], [10, 11, 22])(x, y, z), ellipsoid([-20, 14, 192], [10, 11, 22])(x, y, z), ellipsoid([0, 24, 186], [12, 4, 6])(x, y, z));
  layers.push(layer(TISSUE.thyroid, 110, thyroid, { zMin: 165, zMax: 215, box: [-32, 32, 0, 30] }));
  for (const side of [1, -1]) {
    const clav: TubePoints = [[side * 24, 72, 142, 6.5], [side * 70, 66, 158, 6.5], [side * 118, 42, 172, 6]];
    layers.push(t(TISSUE.cortical, 700, [clav]), t(TISSUE.cancellous, 280, [clav], -1.8));
  }
  if (p.breasts) {
    // Fibroglandular tissue interleaved with fat: mottled, denser toward the nipple.
    const gland = (x: number, y: number, z: number) => -90 + 125 * smoothstep(-0.15, 0.35, fbm3(x / 7, y / 7, z / 9, p.seed ^ 0x77));
    for (const side of [1, -1]) {
      const e = ellipsoid([side * 86, 92, 52], [34, 17, 28]);
      layers.push(layer(TISSUE.gland, gland, e, { zMin: 20, zMax: 85, box: [side * 86 - 36, side * 86 + 36, 72, 112] }));
    }
  }
  return { layers, lung };
}

