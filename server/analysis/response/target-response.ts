/**
 * Target-lesion response (SPEC R5-R12): sum of diameters, nadir and CR/PR/SD/PD/NE.
 * Eisenhauer et al., Eur J Cancer 2009;45:228-247, §4.3.1, §4.3.2 and §4.4.2.
 */
import { NODE_PATHOLOGICAL_SHORT_AXIS_MM, recistSizeMm } from "./lesion-size";
import type { LesionMeasurement, RecistLesion, TargetResponse } from "./types";

/** §4.3.1: PR needs the sum at least 30 % below the baseline sum. */
export const PR_DECREASE_FRACTION = 0.3;
/** §4.3.1: PD needs the sum at least 20 % above the nadir ... */
export const PD_INCREASE_FRACTION = 0.2;
/** ... and at least 5 mm above it in absolute terms. */
export const PD_ABSOLUTE_MM = 5;
// Sums are decimals; without a tolerance 70 % of 43.3 can miss the PR bar by a rounding error.
const EPS = 1e-9;

/** Percent change from `reference`, or null when the reference is 0 (undefined ratio). */
export function percentChange(value: number, reference: number): number | null {
  return reference === 0 ? null : ((value - reference) / reference) * 100;
}

/** R7: at least 30 % below the baseline sum. */
export function meetsPartialResponse(sumMm: number, baselineSumMm: number): boolean {
  return baselineSumMm > 0 && (baselineSumMm - sumMm) / baselineSumMm >= PR_DECREASE_FRACTION - EPS;
}

/** R8: at least 20 % and at least 5 mm above the nadir (any 5 mm growth from a nadir of 0). */
export function meetsProgression(sumMm: number, nadirMm: number): boolean {
  const growthMm = sumMm - nadirMm;
  if (growthMm < PD_ABSOLUTE_MM - EPS) return false;
  return nadirMm === 0 || growthMm / nadirMm >= PD_INCREASE_FRACTION - EPS;
}

export interface TargetSum {
  /** Complete sum (mm), or null when a target lesion was not evaluated. */
  sumMm: number | null;
  /** Sum of the target lesions that were measured (mm). */
  partialSumMm: number;
  missing: string[];
  tooSmall: string[];
}

/** R5/R6: sum of longest diameters (non-nodal) and short axes (nodes), with the too-small default. */
export function sumTargetDiameters(
  targets: RecistLesion[],
  measurements: Record<string, LesionMeasurement | null>,
  tooSmallMm: number,
): TargetSum {
  let partialSumMm = 0;
  const missing: string[] = [];
  const tooSmall: string[] = [];
  for (const lesion of targets) {
    const m = measurements[lesion.id];
    if (!m) {
      missing.push(lesion.id);
      continue;
    }
    if (m.tooSmallToMeasure) tooSmall.push(lesion.id);
    partialSumMm += recistSizeMm(lesion.isLymphNode, m, tooSmallMm);
  }
  return { sumMm: missing.length ? null : partialSumMm, partialSumMm, missing, tooSmall };
}

/**
 * R9: CR when every non-nodal target has disappeared (0 mm; a too-small lesion is still present)
 * and every target node is under 10 mm short axis.
 */
function isComplete(targets: RecistLesion[], measurements: Record<string, LesionMeasurement | null>): boolean {
  return targets.every((lesion) => {
    const m = measurements[lesion.id];
    if (!m || m.tooSmallToMeasure) return false;
    return lesion.isLymphNode ? m.shortAxisMm! < NODE_PATHOLOGICAL_SHORT_AXIS_MM : m.longAxisMm === 0;
  });
}

export interface TargetAssessment extends TargetSum {
  response: TargetResponse;
  notes: string[];
}

/**
 * The target response at a follow-up.
 * @param nadirMm smallest complete sum before this timepoint, baseline included (mm)
 * @param afterCompleteResponse the previous timepoint's overall response was CR: a reappearing
 *   lesion is then PD (R12, EORTC RECIST 1.1 questions and clarifications)
 */
export function assessTargets(args: {
  targets: RecistLesion[];
  measurements: Record<string, LesionMeasurement | null>;
  baselineSumMm: number;
  nadirMm: number;
  tooSmallMm: number;
  afterCompleteResponse: boolean;
}): TargetAssessment {
  const { targets, measurements, baselineSumMm, nadirMm, tooSmallMm } = args;
  const sum = sumTargetDiameters(targets, measurements, tooSmallMm);
  const notes = sum.tooSmall.map((id) => `${id} too small to measure: ${tooSmallMm} mm used (RECIST 1.1 §4.3.2)`);
  const done = (response: TargetResponse): TargetAssessment => ({ ...sum, response, notes });

  if (args.afterCompleteResponse) {
    const reappeared = targets.filter((lesion) => {
      const m = measurements[lesion.id];
      if (!m) return false;
      const size = recistSizeMm(lesion.isLymphNode, m, tooSmallMm);
      return lesion.isLymphNode ? size >= NODE_PATHOLOGICAL_SHORT_AXIS_MM : size > 0;
    });
    if (reappeared.length) {
      notes.push(`${reappeared.map((l) => l.id).join(", ")} reappeared after a complete response: PD`);
      return done("PD");
    }
  }
  if (sum.sumMm === null) {
    // §4.4.2: a missing lesion can only add to the sum, so PD from the others stands.
    if (meetsProgression(sum.partialSumMm, nadirMm)) {
      notes.push(`${sum.missing.join(", ")} not evaluated, but the other targets already give PD (RECIST 1.1 §4.4.2)`);
      return done("PD");
    }
    notes.push(`${sum.missing.join(", ")} not evaluated: target response NE (RECIST 1.1 §4.4.2)`);
    return done("NE");
  }
  // CR before PD: nodes under 10 mm are normal, so their growth within the normal range is not disease.
  if (isComplete(targets, measurements)) return done("CR");
  if (meetsProgression(sum.sumMm, nadirMm)) return done("PD");
  if (meetsPartialResponse(sum.sumMm, baselineSumMm)) return done("PR");
  return done("SD");
}
