/**
 * Per-patient variation of the reference anatomy: small, deterministic (seeded by the case slug),
 * and the same at every timepoint of a case, so follow-up scans show the same body.
 *
 * Anatomy is written in a reference frame (mm, RAS, z = 0 at the right hemidiaphragm dome);
 * world = reference * scale + shift. Lesion sizes are not scaled: they are set in world mm.
 */
import type { DemoCase } from "./story";
import { createRng, hashString } from "./noise";
import type { Vec3 } from "./shapes";

export interface Patient {
  slug: string;
  sex: "male" | "female";
  seed: number;
  scaleXY: number;
  scaleZ: number;
  shiftZ: number;
  /** Subcutaneous fat thickness at the flank, mm. */
  fatMm: number;
  /** Fat on the back relative to the flank (a subcutaneous back lesion needs room). */
  backFatFactor: number;
  muscleFactor: number;
  heartScale: number;
  /** Lateral wander of the spine, mm (a trace of scoliosis). */
  spineDriftMm: number;
  breasts: boolean;
}

export function patientFor(c: DemoCase): Patient {
  const seed = hashString(`patient/${c.slug}`);
  const rng = createRng(seed);
  const female = c.sex === "female";
  const jitter = (range: number) => (rng() - 0.5) * range;
  let fatMm = 13 + rng() * 6;
  let backFatFactor = 0.95 + rng() * 0.2;
  // A subcutaneous lesion on the back must sit inside fat: give the patient enough of it.
  const subcut = c.lesions.filter((l) => l.texture === "subcutaneous");
  if (subcut.length > 0) {
    const maxMm = Math.max(...subcut.flatMap((l) => l.sizesMm.map((s) => s ?? 0)));
    backFatFactor = Math.max(backFatFactor, (0.72 * maxMm + 2) / fatMm);
    fatMm = Math.max(fatMm, 16);
  }
  return {
    slug: c.slug,
    sex: c.sex,
    seed,
    scaleXY: (female ? 0.95 : 1.0) + jitter(0.03),
    scaleZ: (female ? 0.96 : 1.0) + jitter(0.03),
    shiftZ: jitter(6),
    fatMm,
    backFatFactor,
    muscleFactor: (female ? 0.85 : 1.0) + jitter(0.15),
    heartScale: 0.95 + rng() * 0.1,
    spineDriftMm: 1 + rng() * 3,
    breasts: female,
  };
}

export function toWorld(p: Patient, ref: Vec3): Vec3 {
  return [ref[0] * p.scaleXY, ref[1] * p.scaleXY, ref[2] * p.scaleZ + p.shiftZ];
}

export function toRef(p: Patient, w: Vec3): Vec3 {
  return [w[0] / p.scaleXY, w[1] / p.scaleXY, (w[2] - p.shiftZ) / p.scaleZ];
}
