/**
 * Per-lesion change, volumetric category and mixed response (SPEC R17-R19, V1-V3; DESIGN §2.4).
 * These are not RECIST 1.1 categories: they show what the sum of diameters hides.
 */
import { recistSizeMm } from "./lesion-size";
import { meetsPartialResponse, meetsProgression, percentChange } from "./target-response";
import type { LesionChange, RecistInput, RecistLesion, VolumetricCategory } from "./types";

/** V1: a 65 % volume decrease is the sphere equivalent of a 30 % diameter decrease (0.7^3 = 0.343). */
export const VOLUME_DECREASE_PCT = -65;
/** V2: a 73 % volume increase is the sphere equivalent of a 20 % diameter increase (1.2^3 = 1.728). */
export const VOLUME_INCREASE_PCT = 73;

/** The volume change (%) of a sphere whose diameter changes by `diameterChangePct` (%). */
export function sphereVolumeChangePct(diameterChangePct: number): number {
  return (Math.pow(1 + diameterChangePct / 100, 3) - 1) * 100;
}

/**
 * V3: "disappeared" at 0 mL; "increase" at >= +73 % from the lesion's volume nadir (or any volume
 * after a nadir of 0); "decrease" at <= -65 % from baseline; "stable" otherwise. Growth is checked
 * before shrinkage, as RECIST checks PD before PR.
 */
export function volumetricCategory(currentMl: number, baselineMl: number | null, nadirMl: number | null): VolumetricCategory {
  if (currentMl === 0) return "disappeared";
  if (nadirMl !== null) {
    const fromNadir = percentChange(currentMl, nadirMl);
    if (fromNadir === null || fromNadir >= VOLUME_INCREASE_PCT) return "increase";
  }
  const fromBaseline = baselineMl === null ? null : percentChange(currentMl, baselineMl);
  if (fromBaseline !== null && fromBaseline <= VOLUME_DECREASE_PCT) return "decrease";
  return "stable";
}

function minOrNull(values: number[]): number | null {
  return values.length ? Math.min(...values) : null;
}

/**
 * R17: for every lesion measured at `timepoints[index]`, its RECIST dimension (mm) and the change
 * from baseline and from its own nadir (the smallest earlier size, baseline included), in mm and %.
 * New lesions have no baseline; their nadir starts at first appearance.
 */
export function lesionChanges(input: RecistInput, index: number, tooSmallMm: number): LesionChange[] {
  const tp = input.timepoints[index]!;
  const sizeAt = (lesion: RecistLesion, i: number): number | null => {
    const m = input.timepoints[i]!.measurements[lesion.id];
    return m ? recistSizeMm(lesion.isLymphNode, m, tooSmallMm) : null;
  };
  const volumeAt = (lesion: RecistLesion, i: number): number | null =>
    input.timepoints[i]!.measurements[lesion.id]?.volumeMl ?? null;
  const out: LesionChange[] = [];
  for (const lesion of input.lesions) {
    const m = tp.measurements[lesion.id];
    if (!m) continue;
    const sizeMm = recistSizeMm(lesion.isLymphNode, m, tooSmallMm);
    const earlier = Array.from({ length: index }, (_, i) => i);
    const baselineMm = lesion.kind === "new" ? null : sizeAt(lesion, 0);
    const nadirMm = minOrNull(earlier.map((i) => sizeAt(lesion, i)).filter((v): v is number => v !== null));
    const volumeMl = m.volumeMl ?? null;
    const baselineMl = lesion.kind === "new" ? null : volumeAt(lesion, 0);
    const nadirMl = minOrNull(earlier.map((i) => volumeAt(lesion, i)).filter((v): v is number => v !== null));
    out.push({
      lesionId: lesion.id,
      kind: lesion.kind,
      sizeMm,
      changeFromBaselineMm: baselineMm === null ? null : sizeMm - baselineMm,
      changeFromBaselinePct: baselineMm === null ? null : percentChange(sizeMm, baselineMm),
      nadirMm,
      changeFromNadirMm: nadirMm === null ? null : sizeMm - nadirMm,
      changeFromNadirPct: nadirMm === null ? null : percentChange(sizeMm, nadirMm),
      volumeMl,
      volumeChangeFromBaselinePct: volumeMl === null || baselineMl === null ? null : percentChange(volumeMl, baselineMl),
      volumeChangeFromNadirPct: volumeMl === null || nadirMl === null ? null : percentChange(volumeMl, nadirMl),
      volumetricCategory: volumeMl === null || index === 0 ? null : volumetricCategory(volumeMl, baselineMl, nadirMl),
    });
  }
  return out;
}

/**
 * R18 (DESIGN §2.4): at a follow-up, one lesion at least 30 % below its baseline while another
 * grows at least 20 % and 5 mm from its own nadir; or a new lesion while a target lesion is at least
 * 30 % below its baseline. New lesions count only through the second clause.
 */
export function isMixedResponse(changes: LesionChange[], newLesions: boolean): boolean {
  const known = changes.filter((c) => c.kind !== "new");
  const shrinking = known.filter((c) => {
    const baselineMm = c.changeFromBaselineMm === null ? null : c.sizeMm - c.changeFromBaselineMm;
    return baselineMm !== null && meetsPartialResponse(c.sizeMm, baselineMm);
  });
  const growing = known.filter((c) => c.nadirMm !== null && meetsProgression(c.sizeMm, c.nadirMm));
  if (shrinking.some((s) => growing.some((g) => g.lesionId !== s.lesionId))) return true;
  return newLesions && shrinking.some((s) => s.kind === "target");
}
