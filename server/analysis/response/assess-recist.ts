/**
 * RECIST 1.1 (and optionally iRECIST) per timepoint for one patient: the `mosaic recist` core.
 * Validation, then for each follow-up: target sum against baseline and nadir, non-target status,
 * new lesions, the Table 1/2 overall response, per-lesion changes and mixed response.
 */
import { AnalysisError } from "../errors";
import { irecistResponses, type IrecistStep, type NewLesionState } from "./irecist";
import { DEFAULT_TOO_SMALL_MM, MEASURABLE_LONG_AXIS_MM, NODE_TARGET_SHORT_AXIS_MM, organKey, recistSizeMm } from "./lesion-size";
import { assessNonTargets, overallResponse } from "./overall-response";
import { isMixedResponse, lesionChanges } from "./per-lesion";
import { assessTargets, percentChange, sumTargetDiameters } from "./target-response";
import type { RecistInput, RecistOptions, RecistOverallResponse, RecistTimepointInput, RecistTimepointResult } from "./types";
import { validateRecistInput } from "./validate-input";

function lesionSizes(input: RecistInput, tp: RecistTimepointInput, tooSmallMm: number) {
  const newLesionSizes = new Map<string, NewLesionState>();
  const nonTargetSizes = new Map<string, number>();
  for (const lesion of input.lesions) {
    const m = tp.measurements[lesion.id];
    if (!m) continue;
    const sizeMm = recistSizeMm(lesion.isLymphNode, m, tooSmallMm);
    if (lesion.kind === "non-target") nonTargetSizes.set(lesion.id, sizeMm);
    if (lesion.kind !== "new" || (sizeMm === 0 && !m.tooSmallToMeasure)) continue;
    const measurable = !m.tooSmallToMeasure && sizeMm >= (lesion.isLymphNode ? NODE_TARGET_SHORT_AXIS_MM : MEASURABLE_LONG_AXIS_MM);
    newLesionSizes.set(lesion.id, { sizeMm, measurable, organKey: organKey(lesion.organ, lesion.isLymphNode) });
  }
  return { newLesionSizes, nonTargetSizes };
}

/**
 * Assesses every timepoint of `data` (DESIGN.md §5 shape; validated here, so untrusted JSON is
 * fine). The first timepoint is baseline: its responses are null.
 * @param opts.irecist report iRECIST categories in `overallResponse` (iCR, iPR, iSD, iUPD, iCPD,
 *   non-iCR/non-iUPD, NE) and keep the RECIST 1.1 one in `recistOverallResponse`
 * @param opts.tooSmallMm size used for a lesion too small to measure (mm, default 5)
 * @throws AnalysisError INVALID_INPUT naming the field, INVALID_SETTINGS for bad options
 */
export function assessRecist(data: RecistInput, opts: RecistOptions = {}): RecistTimepointResult[] {
  const tooSmallMm = opts.tooSmallMm ?? DEFAULT_TOO_SMALL_MM;
  if (!Number.isFinite(tooSmallMm) || tooSmallMm <= 0 || tooSmallMm >= MEASURABLE_LONG_AXIS_MM) {
    throw new AnalysisError("INVALID_SETTINGS", `tooSmallMm must be above 0 and below ${MEASURABLE_LONG_AXIS_MM} mm, got ${tooSmallMm}`);
  }
  const input = validateRecistInput(data);
  const targets = input.lesions.filter((l) => l.kind === "target");
  const nonTargets = input.lesions.filter((l) => l.kind === "non-target");
  const baseline = input.timepoints[0]!;
  const baselineSumMm = targets.length ? sumTargetDiameters(targets, baseline.measurements, tooSmallMm).sumMm : null;
  const completeSums = baselineSumMm === null ? [] : [baselineSumMm];

  const results: RecistTimepointResult[] = [
    {
      id: baseline.id,
      date: baseline.date,
      sumMm: baselineSumMm,
      nadirMm: null,
      changeFromBaselinePct: baselineSumMm === null ? null : 0,
      changeFromNadirPct: null,
      targetResponse: null,
      nonTargetResponse: null,
      newLesions: false,
      overallResponse: null,
      mixedResponse: false,
      lesions: lesionChanges(input, 0, tooSmallMm),
      notes: ["baseline"],
    },
  ];
  const steps: IrecistStep[] = [];
  let previous: RecistOverallResponse | null = null;
  for (let i = 1; i < input.timepoints.length; i++) {
    const tp = input.timepoints[i]!;
    const afterCompleteResponse = previous === "CR";
    const nadirMm = completeSums.length ? Math.min(...completeSums) : null;
    const target =
      baselineSumMm === null || nadirMm === null
        ? null
        : assessTargets({ targets, measurements: tp.measurements, baselineSumMm, nadirMm, tooSmallMm, afterCompleteResponse });
    const nonTarget = nonTargets.length ? assessNonTargets(nonTargets, tp.nonTarget ?? {}, afterCompleteResponse) : null;
    const overall = overallResponse(target?.response ?? null, nonTarget?.response ?? null, tp.newLesions);
    const changes = lesionChanges(input, i, tooSmallMm);
    const sumMm = target?.sumMm ?? null;
    const notes = [...(target?.notes ?? []), ...(nonTarget?.notes ?? [])];
    if (tp.newLesions) notes.push("new lesions present");
    results.push({
      id: tp.id,
      date: tp.date,
      sumMm,
      nadirMm,
      changeFromBaselinePct: sumMm === null || baselineSumMm === null ? null : percentChange(sumMm, baselineSumMm),
      changeFromNadirPct: sumMm === null || nadirMm === null ? null : percentChange(sumMm, nadirMm),
      targetResponse: target?.response ?? null,
      nonTargetResponse: nonTarget?.response ?? null,
      newLesions: tp.newLesions,
      overallResponse: overall,
      mixedResponse: isMixedResponse(changes, tp.newLesions),
      lesions: changes,
      notes,
    });
    if (sumMm !== null) completeSums.push(sumMm);
    previous = overall;
    steps.push({
      date: tp.date,
      sumMm,
      partialSumMm: target?.partialSumMm ?? 0,
      targetResponse: target?.response ?? null,
      nonTargetResponse: nonTarget?.response ?? null,
      newLesions: tp.newLesions,
      recist: overall,
      ...lesionSizes(input, tp, tooSmallMm),
    });
  }
  if (!opts.irecist) return results;

  const baselineResult = results[0]!;
  baselineResult.recistOverallResponse = null;
  irecistResponses(steps).forEach((i, k) => {
    const result = results[k + 1]!;
    result.recistOverallResponse = result.overallResponse as RecistOverallResponse;
    result.overallResponse = i.response;
    result.notes.push(...i.notes);
  });
  return results;
}
