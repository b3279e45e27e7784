/** Response assessment: RECIST 1.1, iRECIST, per-lesion and volumetric change (SPEC.md). */
export { assessRecist } from "./assess-recist";
export { validateRecistInput } from "./validate-input";
export { suggestTargets, pickLargestPerOrgan } from "./target-selection";
export type { TargetCandidate, TargetSuggestion, CandidateClassification } from "./target-selection";
export { sphereVolumeChangePct, volumetricCategory, isMixedResponse, VOLUME_DECREASE_PCT, VOLUME_INCREASE_PCT } from "./per-lesion";
export { meetsPartialResponse, meetsProgression, percentChange } from "./target-response";
export type * from "./types";
