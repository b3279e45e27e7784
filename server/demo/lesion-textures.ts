/**
 * Lesion shape and internal attenuation per story texture (portal venous phase HU).
 *
 * Shape: a star-shaped cross-section r(theta) = R * ellipse(theta) * (1 + sum of low harmonics)
 * (lobulation, irregularity), tapering above and below the centre like an ellipsoid, so the
 * central axial plane is always the largest. R is set per timepoint so that the longest chord of
 * that central cross-section equals the story's size (for lymph nodes the short axis does, with
 * the long axis 1.4 times it). The shape's character (harmonics, orientation, necrosis pattern)
 * is seeded per lesion and kept across timepoints: the same lesion grows or shrinks.
 *
 * Texture (all in lesion-normalised coordinates so the pattern scales with the lesion):
 * - necrotic-core: unevenly enhancing viable rim ~ +84 HU around a hypodense necrotic centre
 *   ~ +14 HU, the boundary between them irregular (noise-modulated around half the radius).
 * - homogeneous-hypodense: ~ +30 HU, nearly uniform (hypovascular liver metastasis).
 * - rim-enhancing: thin (>= 2.2 mm) enhancing rim ~ +92 HU, hypodense centre ~ +35 HU.
 * - solid-nodule: soft tissue ~ +30 HU, lobulated; large ones get thin spicules (image only).
 * - lymph-node: oval ~ +40 HU; a small node keeps a fatty hilum.
 * - adrenal: ~ +36 HU, heterogeneous.
 * - subcutaneous: ~ +45 HU, well circumscribed, flattened along the skin.
 */
import { createRng, fbm3, hashString } from "./noise";
import { clamp, lerp, smoothstep, type Vec3 } from "./shapes";
import type { DemoLesion, DemoTexture } from "./story";

interface Harmonic {
  k: number;
  amp: number;
  phase: number;
}

/** Everything about a lesion's look that does not change with its size. */
export interface LesionCharacter {
  label: number;
  texture: DemoTexture;
  seed: number;
  /** Long-axis direction in the axial plane, radians from +x. */
  angle: number;
  /** Short/long semi-axis ratio of the base ellipse. */
  aspect: number;
  harmonics: Harmonic[];
  /** Craniocaudal semi-axis relative to the mean in-plane radius. */
  zRatio: number;
  /** In-plane drift of the centre per mm above/below (a slightly tilted axis). */
  drift: [number, number];
  /** Longest chord of the central cross-section for R = 1 (for lymph nodes: the short axis). */
  unitSizeMm: number;
}

const HARMONIC_AMPS: Record<DemoTexture, number[]> = {
  "necrotic-core": [0.07, 0.05, 0.04, 0.03],
  "homogeneous-hypodense": [0.03, 0.02],
  "rim-enhancing": [0.04, 0.025],
  "solid-nodule": [0.05, 0.05, 0.04, 0.03],
  "lymph-node": [],
  adrenal: [0.05, 0.03],
  subcutaneous: [0.03],
};

/** Cross-section radius for R = 1 at angle theta (local frame, theta from the long axis). */
export function unitRadius(ch: LesionCharacter, theta: number): number {
  const c = Math.cos(theta), s = Math.sin(theta) / ch.aspect;
  let r = 1 / Math.sqrt(c * c + s * s);
  let mod = 1;
  for (const h of ch.harmonics) mod += h.amp * Math.cos(h.k * theta + h.phase);
  r *= mod;
  return r;
}

/** Longest chord of the central cross-section, or for nodes its width across the long axis. */
function unitSize(ch: LesionCharacter): number {
  if (ch.texture === "lymph-node") return 2 * ch.aspect;
  const n = 720;
  const px = new Float64Array(n), py = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const t = (2 * Math.PI * i) / n, r = unitRadius(ch, t);
    px[i] = r * Math.cos(t);
    py[i] = r * Math.sin(t);
  }
  let best = 0;
  for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) best = Math.max(best, (px[i] - px[j]) ** 2 + (py[i] - py[j]) ** 2);
  return Math.sqrt(best);
}

export function lesionCharacter(caseSlug: string, lesion: DemoLesion, fixedAngle?: number): LesionCharacter {
  const seed = hashString(`${caseSlug}/${lesion.key}`);
  const rng = createRng(seed);
  const t = lesion.texture;
  const aspect = t === "lymph-node" ? 1 / 1.4 : t === "subcutaneous" ? 0.6 : 0.78 + 0.17 * rng();
  const harmonics = HARMONIC_AMPS[t].map((amp, i) => ({ k: i + 2, amp: amp * (0.7 + 0.6 * rng()), phase: 2 * Math.PI * rng() }));
  const ch: LesionCharacter = {
    label: lesion.label,
    texture: t,
    seed,
    angle: fixedAngle ?? Math.PI * rng(),
    aspect,
    harmonics,
    zRatio: t === "subcutaneous" ? 0.75 : t === "lymph-node" ? 1.1 : 0.85 + 0.1 * rng(),
    drift: [(rng() - 0.5) * 0.2, (rng() - 0.5) * 0.2],
    unitSizeMm: 0,
  };
  ch.unitSizeMm = unitSize(ch);
  return ch;
}

/** A lesion at one timepoint: its character, centre and scale. */
export interface LesionInstance {
  ch: LesionCharacter;
  centre: Vec3;
  /** Scale R (mm) and craniocaudal semi-axis (mm). */
  radiusMm: number;
  zSemiMm: number;
  /** Story size at this timepoint (mm). */
  sizeMm: number;
  cos: number;
  sin: number;
}

/**
 * How much the outline measurement of a >= 50 % label map (recist.ts, pixel-edge midpoints)
 * overestimates the chord of the smooth shape on 0.9 mm pixels, on average: it takes the maximum
 * over directions of a discretised outline. Measured over all demo lesions; the shape is drawn
 * that much smaller so the measured size lands on the story's.
 */
const MEASUREMENT_BIAS_MM = { long: 0.4, short: 0.25 };

export function lesionInstance(ch: LesionCharacter, centre: Vec3, sizeMm: number): LesionInstance {
  const bias = ch.texture === "lymph-node" ? MEASUREMENT_BIAS_MM.short : MEASUREMENT_BIAS_MM.long;
  const radiusMm = (sizeMm - bias) / ch.unitSizeMm;
  return { ch, centre, radiusMm, zSemiMm: ch.zRatio * radiusMm * 0.5 * (1 + ch.aspect), sizeMm, cos: Math.cos(ch.angle), sin: Math.sin(ch.angle) };
}

/** Implicit of the lesion (negative inside); only its sign and local gradient are used. */
export function lesionPhi(l: LesionInstance, x: number, y: number, z: number): number {
  // Local frame inline (no tuple): this runs a dozen times per voxel near every lesion.
  const dz = z - l.centre[2];
  const dx = x - l.centre[0] - l.ch.drift[0] * dz, dy = y - l.centre[1] - l.ch.drift[1] * dz;
  const u = dx * l.cos + dy * l.sin, v = -dx * l.sin + dy * l.cos;
  const rho = Math.sqrt(u * u + v * v);
  const q = dz / l.zSemiMm;
  if (Math.abs(q) >= 1) return rho + (Math.abs(q) - 1) * l.zSemiMm + 1e-3;
  return rho - l.radiusMm * unitRadius(l.ch, Math.atan2(v, u)) * Math.sqrt(1 - q * q);
}

/** Local coordinates: along the long axis, across it, above the centre (all mm). */
function local(l: LesionInstance, x: number, y: number, z: number): Vec3 {
  const dz = z - l.centre[2];
  const dx = x - l.centre[0] - l.ch.drift[0] * dz, dy = y - l.centre[1] - l.ch.drift[1] * dz;
  return [dx * l.cos + dy * l.sin, -dx * l.sin + dy * l.cos, dz];
}

/** Attenuation inside the lesion at (x, y, z), HU. */
export function lesionHu(l: LesionInstance, x: number, y: number, z: number): number {
  const [u, v, dz] = local(l, x, y, z);
  const R = l.radiusMm, seed = l.ch.seed;
  const qx = u / R, qy = v / R, qz = dz / R;
  const rho = Math.hypot(u, v);
  const q = clamp(dz / l.zSemiMm, -1, 1);
  const boundary = R * unitRadius(l.ch, Math.atan2(v, u)) * Math.sqrt(1 - q * q);
  const t = boundary > 1e-6 ? rho / boundary : 1;
  const depthMm = boundary - rho;
  const n = (f: number, s: number) => fbm3(qx * f, qy * f, qz * f, seed ^ s);
  switch (l.ch.texture) {
    case "necrotic-core": {
      // Necrosis fills about half the radius with a ragged edge; the viable tumour around it
      // enhances unevenly, brighter than the liver so the whole lesion is seen, not just its core.
      const edge = 0.5 + 0.17 * n(1.8, 1);
      const necrosis = smoothstep(edge + 0.06, edge - 0.06, t);
      return lerp(84 + 12 * n(3.2, 2), 14 + 4 * n(2, 3), necrosis);
    }
    case "homogeneous-hypodense":
      return 30 + 3 * n(1.5, 4);
    case "rim-enhancing": {
      const rim = Math.max(2.2, 0.12 * R);
      return lerp(35 + 3 * n(2, 5), 92 + 5 * n(3, 6), smoothstep(rim + 0.7, rim - 0.7, depthMm));
    }
    case "solid-nodule":
      return 30 + 7 * n(2.5, 7);
    case "lymph-node": {
      // Short axis <= 10 mm: a small eccentric fatty hilum (a benign-looking node keeps it).
      if (l.sizeMm > 10) return 40 + 4 * n(2, 8);
      const h = Math.hypot((u - 0.5 * R) / (0.3 * R), v / (0.22 * R));
      return lerp(40 + 4 * n(2, 8), -70, smoothstep(1.1, 0.8, h));
    }
    case "adrenal":
      return 36 + 10 * n(2.2, 9);
    case "subcutaneous":
      return 45 + 5 * n(2, 10);
  }
}

/** Largest in-plane extent of the lesion from its centre, mm (for bounding boxes). */
export function lesionReachMm(l: LesionInstance): number {
  const amp = l.ch.harmonics.reduce((s, h) => s + h.amp, 0);
  return l.radiusMm * Math.max(1, l.ch.aspect) * (1 + amp) + Math.hypot(...l.ch.drift) * l.zSemiMm;
}
