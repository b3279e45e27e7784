/**
 * Upper abdomen under the diaphragm: liver (portal venous phase), gallbladder, stomach with an
 * air-fluid level, spleen, pancreas, portal and splenic veins, kidneys' upper poles in perirenal
 * fat, adrenals, diaphragmatic crura and the splenic flexure. Reference frame (patient.ts).
 *
 * The liver is the cavity below the diaphragm, above an inferior surface that is low on the right
 * (segment VI) and rises to the left lobe's tip, right of an oblique line that keeps the left lobe
 * in front of the stomach, and clear of the spine and aorta.
 */
import type { Patient } from "./patient";
import { TISSUE, layer, type Layer } from "./painter";
import { fbm3 } from "./noise";
import * as M from "./mediastinum";
import { ellipsoid, frameFrom, normalize, pwl, smin, smoothstep, sphereBounds, tube, tubes, type Implicit, type TubePoints, type Vec3 } from "./shapes";
import { vertebralBody } from "./spine";
import { aboveSurface, belowSurface, diaphragmZ } from "./thorax";

const BOTTOM_X = [-110, -60, -20, 20, 60, 90];
const BOTTOM_Z = [-42, -76, -86, -100, -140, -150];
const liverBottomZ = (x: number, y: number) => pwl(BOTTOM_X, BOTTOM_Z, x) + 8 * smoothstep(15, 70, y);
const liverLeftX = (y: number) => -82 + 66 * smoothstep(32, -25, y);

export const PORTAL_VEIN: TubePoints = [[10, 2, -112, 7], [26, -2, -90, 7], [34, 0, -78, 6.5]];
export const LEFT_PORTAL: TubePoints = [[30, 0, -80, 5.5], [0, 14, -72, 5], [-25, 22, -68, 4.5]];
export const HEPATIC_VEINS: TubePoints[] = [
  [[20, -16, -20, 6], [70, -30, -40, 5]],
  [[16, -10, -20, 5.5], [28, 30, -45, 4.5]],
  [[10, -10, -22, 5], [-30, 15, -35, 4.5]],
];
/** Roots of the intrahepatic trees (portal branches, hepatic vein tributaries). */
export const LIVER_TREE_ROOTS: { at: Vec3; dir: Vec3; radiusMm: number; hu: number }[] = [
  { at: [34, 0, -78], dir: [1, -0.2, 0.25], radiusMm: 6, hu: 150 },
  { at: [34, 0, -78], dir: [0.6, 0.6, 0.1], radiusMm: 5, hu: 150 },
  { at: [-25, 22, -68], dir: [-1, 0.3, 0.15], radiusMm: 4.5, hu: 150 },
  { at: [70, -30, -40], dir: [0.7, -0.1, 0.3], radiusMm: 5, hu: 138 },
  { at: [28, 30, -45], dir: [0.2, 1, -0.6], radiusMm: 4.5, hu: 138 },
  { at: [-30, 15, -35], dir: [-1, 0.4, -0.4], radiusMm: 4.5, hu: 138 },
];

export interface Abdomen {
  layers: Layer[];
  liver: Implicit;
}

function kidney(c: Vec3, axis: Vec3, grow: number): Implicit {
  return ellipsoid(c, [54 + grow, 28 + grow, 24 + grow], frameFrom(normalize(axis)));
}

export function abdomen(p: Patient): Abdomen {
  const body = vertebralBody(p);
  const aorta = tube(M.AORTA, 5).phi;
  const belowDiaphragm = belowSurface(diaphragmZ, -5);
  const aboveBottom = aboveSurface(liverBottomZ, 0);
  const liver: Implicit = (x, y, z) => {
    // The left border is oblique (slope up to ~2): divide so the term stays distance-like.
    const a = Math.max(belowDiaphragm(x, y, z), aboveBottom(x, y, z), (liverLeftX(y) - x) / 2.2);
    return a > 10 ? a : Math.max(a, -(body(x, y, z) - 8), -aorta(x, y, z));
  };
  const box = { zMin: -160, zMax: 20, box: [-150, 150, -120, 120] as [number, number, number, number] };
  const fissureBox = { zMin: -160, zMax: -50, box: [-30, 0, 45, 120] as [number, number, number, number] };
  type Bounds = ReturnType<typeof sphereBounds>;
  const organ = (tissue: (typeof TISSUE)[keyof typeof TISSUE], hu: number | ((x: number, y: number, z: number) => number), phi: Implicit, bounds: Bounds) =>
    layer(tissue, hu, (x, y, z) => Math.max(phi(x, y, z), belowDiaphragm(x, y, z)), bounds, { clip: "cavity" });
  const stomachBounds: Bounds = { zMin: -135, zMax: -13, box: [-100, -22, -52, 34] };
  const gbBounds = sphereBounds([38, 35, -105], 27);
  const spleenBounds = sphereBounds([-100, -42, -62], 47);
  const kidneyBounds: Bounds = { zMin: -210, zMax: -60, box: [-110, 110, -100, -20] };
  const t = (tissue: (typeof TISSUE)[keyof typeof TISSUE], hu: number, pts: TubePoints[], grow = 0, clip?: "liver") => {
    const tb = tubes(pts, grow);
    return layer(tissue, hu, tb.phi, tb, clip ? { clip } : {});
  };

  // Fissure for the ligamentum teres: a short fat-filled cleft from the anterior surface between
  // segments III and IV, on the lower slices of the left lobe.
  const falciform: Implicit = (x, y, z) => Math.max(Math.abs(x + 10 + 0.15 * (y - 50)) - 1.1, 50 - y, z + 58);
  const fundus = ellipsoid([-70, -22, -45], [28, 28, 32]);
  const stomachBody = ellipsoid([-50, 0, -100], [26, 32, 35]);
  const stomach: Implicit = (x, y, z) => smin(fundus(x, y, z), stomachBody(x, y, z), 12);
  // Supine: gas rises to the anterior (non-dependent) side, a horizontal air-fluid level.
  const stomachContent = (_x: number, y: number) => 15 + (-1000 - 15) * smoothstep(-8.6, -7.4, y);
  const gallbladder = ellipsoid([38, 35, -105], [26, 14, 16], frameFrom([0.3, 0.6, -0.75]));
  const spleen = ellipsoid([-100, -42, -62], [46, 18, 44], frameFrom([-0.47, 0.88, 0]));
  const kidneys = [kidney([68, -60, -142], [-0.2, -0.15, 1], 0), kidney([-68, -58, -128], [0.2, -0.15, 1], 0)];
  const perirenal = [kidney([68, -60, -142], [-0.2, -0.15, 1], 10), kidney([-68, -58, -128], [0.2, -0.15, 1], 10)];
  const medulla = [kidney([68, -60, -142], [-0.2, -0.15, 1], -8), kidney([-68, -58, -128], [0.2, -0.15, 1], -8)];
  const union = ([f, g]: Implicit[]): Implicit => (x, y, z) => Math.min(f(x, y, z), g(x, y, z));
  const stool = (x: number, y: number, z: number) => (fbm3(x / 6, y / 6, z / 6, p.seed ^ 0x33) > 0.1 ? -950 : -180);
  const colon: TubePoints = [[-80, 30, -125, 16], [-92, 18, -100, 17], [-82, 38, -88, 16], [-50, 55, -100, 16]];
  const colonTube = tube(colon), colonLumen = tube(colon, -3);

  const layers: Layer[] = [
    // Homogeneous in the portal venous phase; vessels and noise give it its texture.
    layer(TISSUE.liver, 60, liver, box, { clip: "cavity", record: "liver" }),
    layer(TISSUE.fat, -90, falciform, fissureBox, { clip: "liver" }),
    t(TISSUE.blood, 122, [M.IVC]),
    t(TISSUE.blood, 150, [PORTAL_VEIN, LEFT_PORTAL]),
    t(TISSUE.blood, 138, HEPATIC_VEINS, 0, "liver"),
    organ(TISSUE.bowel, 65, stomach, stomachBounds),
    organ(TISSUE.bowel, stomachContent, (x, y, z) => stomach(x, y, z) + 4, stomachBounds),
    organ(TISSUE.soft, 55, gallbladder, gbBounds),
    organ(TISSUE.fluid, 8, (x, y, z) => gallbladder(x, y, z) + 2, gbBounds),
    organ(TISSUE.spleen, 88, spleen, spleenBounds),
    t(TISSUE.pancreas, 85, [[[-88, -26, -92, 10], [-55, -12, -100, 11], [-15, 8, -108, 12], [15, 10, -115, 13]]]),
    t(TISSUE.blood, 150, [[[-85, -32, -90, 4.5], [-50, -20, -98, 5], [-10, 0, -108, 5.5], [10, 2, -112, 6]]]),
    organ(TISSUE.fat, -95, union(perirenal), kidneyBounds),
    organ(TISSUE.kidney, 155, union(kidneys), kidneyBounds),
    organ(TISSUE.kidney, 105, union(medulla), kidneyBounds),
    t(TISSUE.adrenal, 45, [
      [[30, -36, -52, 3], [38, -50, -80, 2.5]], [[30, -36, -52, 3], [24, -52, -80, 2.5]],
      [[-30, -22, -58, 3.2], [-38, -40, -88, 2.5]], [[-30, -22, -58, 3.2], [-24, -42, -88, 2.5]],
    ]),
    t(TISSUE.muscle, 45, [[[18, -30, -30, 5], [16, -30, -130, 6]], [[-14, -26, -40, 4.5], [-12, -27, -120, 5]]]),
    layer(TISSUE.bowel, 50, colonTube.phi, colonTube),
    layer(TISSUE.bowel, stool, colonLumen.phi, colonLumen),
  ];
  return { layers, liver };
}
