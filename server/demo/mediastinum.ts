/**
 * Mediastinal and retroperitoneal tubes (great vessels, airways, oesophagus) and the heart, in the
 * reference frame (mm, RAS: +x right, +y anterior, +z superior; z = 0 at the right dome).
 * Each tube is a polyline [x, y, z, radius]. Positions follow the usual adult layout: ascending
 * aorta right-anterior, arch passing left of the trachea, descending aorta left-anterolateral to the
 * spine; SVC right of the aorta; pulmonary trunk anterior-left, right pulmonary artery behind the
 * ascending aorta and in front of the right main bronchus; station 4R right of the trachea.
 */
import { ellipsoid, frameFrom, type Implicit, type Vec3 } from "./shapes";

type Pts = [number, number, number, number][];

export const AORTA: Pts = [
  [10, 26, 22, 14], [16, 31, 60, 15], [15, 31, 95, 15], [6, 27, 112, 14], [-12, 15, 119, 13],
  [-24, -5, 115, 12], [-27, -24, 102, 12], [-27, -26, 60, 12], [-24, -22, 0, 11],
  [-10, -12, -60, 10.5], [-6, -10, -140, 10],
];
export const PULMONARY_TRUNK: Pts = [[-8, 48, 48, 13], [-12, 28, 78, 13]];
export const RIGHT_PA: Pts = [[-12, 28, 78, 10], [2, 13, 80, 9.5], [40, 2, 76, 8.5]];
export const LEFT_PA: Pts = [[-12, 28, 78, 10], [-35, 12, 87, 10], [-52, 0, 84, 8.5]];
export const SVC: Pts = [[40, 27, 120, 10], [42, 22, 70, 11], [32, 18, 35, 11]];
export const RIGHT_BCV: Pts = [[40, 27, 120, 9], [45, 26, 165, 8], [46, 24, 205, 7]];
export const LEFT_BCV: Pts = [[-58, 28, 152, 7], [-28, 40, 140, 7.5], [10, 40, 130, 8], [40, 27, 120, 9]];
export const LEFT_IJV: Pts = [[-58, 28, 152, 7], [-40, 20, 205, 7.5]];
export const BRACHIOCEPHALIC: Pts = [[6, 25, 116, 7], [14, 20, 150, 7], [24, 14, 175, 6.5], [28, 12, 205, 5.5]];
export const LEFT_CCA: Pts = [[-6, 20, 120, 5.5], [-14, 12, 160, 5.5], [-24, 10, 205, 5.5]];
export const LEFT_SCA: Pts = [[-18, 6, 119, 6], [-30, 0, 160, 6], [-62, -4, 180, 5.5]];
export const PULMONARY_VEINS: Pts[] = [
  [[42, 8, 66, 6], [14, 8, 44, 7]],
  [[42, -14, 36, 6], [12, 0, 36, 7]],
  [[-48, 4, 70, 6], [-22, 6, 48, 7]],
  [[-46, -14, 40, 6], [-20, 0, 38, 7]],
];
export const IVC: Pts = [[20, -14, -140, 11], [21, -20, -60, 12], [18, -14, -15, 12], [14, 2, 10, 12]];
export const AZYGOS: Pts = [[12, -34, -100, 3.5], [12, -36, 75, 4.5], [20, -22, 90, 5], [36, 14, 94, 5], [40, 20, 96, 5]];
export const HEMIAZYGOS: Pts = [[-12, -35, -100, 3], [-13, -36, 50, 3], [-20, -30, 70, 3]];
export const TRACHEA: Pts = [[0, 16, 205, 9], [0, 8, 150, 9], [1, -1, 115, 9], [2, -4, 88, 8.5]];
export const BRONCHI: Pts[] = [
  [[2, -4, 88, 7], [24, -8, 72, 7], [32, -12, 48, 5.5]],
  [[24, -8, 72, 4.5], [45, -6, 78, 3.5]],
  [[2, -4, 88, 6.5], [-32, -10, 68, 6], [-42, -18, 42, 5]],
  [[-32, -10, 68, 4.5], [-48, -2, 74, 3.5]],
];
export const ESOPHAGUS: Pts = [
  [-3, 2, 205, 8], [-4, -14, 140, 8], [-5, -17, 100, 8], [-6, -17, 40, 8], [-10, -10, 0, 8], [-22, -4, -40, 9], [-34, -4, -55, 10],
];

/** Ends of the hilar vessels: roots of the pulmonary vessel trees, with an initial direction. */
export const LUNG_TREE_ROOTS: { at: Vec3; dir: Vec3; radiusMm: number }[] = [
  { at: [40, 2, 76], dir: [0.3, 0.1, 1], radiusMm: 6 },
  { at: [40, 2, 76], dir: [0.5, -0.5, -0.8], radiusMm: 6.5 },
  { at: [40, 2, 76], dir: [0.5, 0.8, -0.3], radiusMm: 5 },
  { at: [-52, 0, 84], dir: [-0.3, 0.1, 1], radiusMm: 6 },
  { at: [-52, 0, 84], dir: [-0.5, -0.5, -0.8], radiusMm: 6.5 },
  { at: [-52, 0, 84], dir: [-0.5, 0.8, -0.3], radiusMm: 5 },
  { at: [42, 8, 66], dir: [0.6, 0.3, 0.5], radiusMm: 4.5 },
  { at: [42, -14, 36], dir: [0.6, -0.4, -0.5], radiusMm: 4.5 },
  { at: [-48, 4, 70], dir: [-0.6, 0.3, 0.5], radiusMm: 4.5 },
  { at: [-46, -14, 40], dir: [-0.6, -0.4, -0.5], radiusMm: 4.5 },
];

export interface Heart {
  outer: Implicit;
  /** Blood pool inside a thin free wall. */
  pool: Implicit;
  lvWall: Implicit;
  lvCavity: Implicit;
  box: [number, number, number, number];
  zMin: number;
  zMax: number;
}

/** The heart: an ellipsoid whose long axis points to the apex (left, anterior, inferior). */
export function makeHeart(scale: number): Heart {
  const c: Vec3 = [-18, 28, 22];
  const axes = frameFrom([-0.68, 0.52, -0.5]);
  const [u, b] = axes;
  const semi: Vec3 = [60 * scale, 46 * scale, 44 * scale];
  // The left ventricle sits toward the apex and left-posterior; its thick wall rings the cavity.
  const lv: Vec3 = [c[0] + 12 * u[0] + 12 * b[0], c[1] + 12 * u[1] + 12 * b[1], c[2] + 12 * u[2] + 12 * b[2]];
  const r = 62 * scale;
  return {
    outer: ellipsoid(c, semi, axes),
    pool: ellipsoid(c, [semi[0] - 3.5, semi[1] - 3.5, semi[2] - 3.5], axes),
    lvWall: ellipsoid(lv, [46 * scale, 27 * scale, 28 * scale], axes),
    lvCavity: ellipsoid(lv, [36 * scale, 16.5 * scale, 17 * scale], axes),
    box: [c[0] - r, c[0] + r, c[1] - r, c[1] + r],
    zMin: c[2] - r,
    zMax: c[2] + r,
  };
}
