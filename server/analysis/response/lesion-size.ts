/**
 * RECIST 1.1 size rules shared by target selection, validation and assessment (SPEC R1-R4).
 * Eisenhauer et al., Eur J Cancer 2009;45:228-247, §3.1 and §4.3.2.
 */
import type { LesionMeasurement } from "./types";

/** §3.1.1: a non-nodal lesion is measurable from a 10 mm longest diameter (CT slice <= 5 mm). */
export const MEASURABLE_LONG_AXIS_MM = 10;
/** §3.1.1: a lymph node is measurable (and may be a target) from a 15 mm short axis. */
export const NODE_TARGET_SHORT_AXIS_MM = 15;
/** §3.1.2 / §4.3.1: nodes from 10 mm short axis are pathological; under 10 mm they are normal. */
export const NODE_PATHOLOGICAL_SHORT_AXIS_MM = 10;
/** §4.2: at most 5 target lesions in total and 2 per organ. */
export const MAX_TARGETS = 5;
export const MAX_TARGETS_PER_ORGAN = 2;
/** §4.3.2: a lesion present but too small to measure is recorded as 5 mm. */
export const DEFAULT_TOO_SMALL_MM = 5;
/** Sanity bound for any diameter: nothing in a body is a metre long; larger values are typos. */
export const MAX_DIAMETER_MM = 1000;

/**
 * The organ a lesion counts against for the 2-per-organ rule. The EORTC RECIST working group's
 * clarification counts all lymph nodes as one organ; other organ names compare case-insensitively.
 */
export function organKey(organ: string, isLymphNode: boolean): string {
  return isLymphNode ? "lymph node" : organ.trim().toLowerCase();
}

/**
 * The dimension a lesion contributes to the sum of diameters (mm): the short axis of a lymph node,
 * the longest diameter otherwise (§4.3.2), or `tooSmallMm` for a lesion too small to measure.
 * Validation guarantees the needed axis is present.
 */
export function recistSizeMm(isLymphNode: boolean, m: LesionMeasurement, tooSmallMm: number): number {
  if (m.tooSmallToMeasure) return tooSmallMm;
  const size = isLymphNode ? m.shortAxisMm : m.longAxisMm;
  if (size === undefined) throw new Error("recistSizeMm: measurement lacks its RECIST axis (validation gap)");
  return size;
}

/**
 * Smallest measurable longest diameter for a CT slice thickness (mm): 10 mm, or twice the slice
 * thickness when slices are thicker than 5 mm (RECIST 1.1 Appendix II, CT/MRI).
 */
export function measurableMinimumMm(sliceThicknessMm?: number): number {
  if (sliceThicknessMm === undefined || sliceThicknessMm <= 5) return MEASURABLE_LONG_AXIS_MM;
  return 2 * sliceThicknessMm;
}
