/**
 * Non-target response (SPEC R13-R14) and the overall timepoint response (SPEC R15-R16):
 * Eisenhauer et al., Eur J Cancer 2009;45:228-247, §4.3.3, Table 1 and Table 2.
 */
import type { NonTargetResponse, NonTargetStatus, RecistLesion, RecistOverallResponse, TargetResponse } from "./types";

export interface NonTargetAssessment {
  response: NonTargetResponse;
  notes: string[];
}

/**
 * R13: PD on unequivocal progression; NE when a lesion was not assessed; CR when every non-target
 * lesion is absent (for a node: back under 10 mm short axis); non-CR/non-PD otherwise.
 * R12: after an overall CR, a non-target lesion seen again is PD.
 * Tumour-marker normalisation, which §4.3.3 also asks of CR, is not part of this input.
 */
export function assessNonTargets(
  nonTargets: RecistLesion[],
  statuses: Record<string, NonTargetStatus>,
  afterCompleteResponse: boolean,
): NonTargetAssessment {
  const notes: string[] = [];
  const progressed = nonTargets.filter((l) => statuses[l.id] === "progression").map((l) => l.id);
  if (progressed.length) return { response: "PD", notes: [`unequivocal progression of ${progressed.join(", ")}`] };
  if (afterCompleteResponse) {
    const back = nonTargets.filter((l) => statuses[l.id] === "present").map((l) => l.id);
    if (back.length) return { response: "PD", notes: [`${back.join(", ")} reappeared after a complete response: PD`] };
  }
  const missing = nonTargets.filter((l) => statuses[l.id] === undefined).map((l) => l.id);
  if (missing.length) {
    notes.push(`non-target ${missing.join(", ")} not evaluated`);
    return { response: "NE", notes };
  }
  if (nonTargets.every((l) => statuses[l.id] === "absent")) return { response: "CR", notes };
  return { response: "non-CR/non-PD", notes };
}

/**
 * RECIST 1.1 Table 1 (target disease, with or without non-target) and Table 2 (non-target disease
 * only). `target` or `nonTarget` is null when the patient has no such lesions.
 */
export function overallResponse(
  target: TargetResponse | null,
  nonTarget: NonTargetResponse | null,
  newLesions: boolean,
): RecistOverallResponse {
  if (newLesions || target === "PD" || nonTarget === "PD") return "PD";
  if (target === null) {
    // Table 2.
    if (nonTarget === null) throw new Error("overallResponse: no target and no non-target lesions (validation gap)");
    return nonTarget;
  }
  if (target === "NE") return "NE";
  if (target === "CR") return nonTarget === null || nonTarget === "CR" ? "CR" : "PR";
  // PR and SD stand whether non-target disease is non-PD or not all evaluated (Table 1).
  return target;
}
