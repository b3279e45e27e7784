/** Biopsy-target suggestions: lesion ranking and a point inside the chosen lesion (SPEC.md). */
export {
  rankBiopsyTargets,
  DEFAULT_BIOPSY_WEIGHTS,
  type BiopsyCandidate,
  type BiopsyComponent,
  type BiopsyContext,
  type BiopsyReason,
  type BiopsySuggestion,
  type BiopsyWeights,
} from "./rank-targets";
export {
  suggestBiopsyPoint,
  DEFAULT_MIN_DEPTH_MM,
  DEFAULT_NECROTIC_BELOW_HU,
  type BiopsyModality,
  type BiopsyPoint,
  type BiopsyPointOptions,
} from "./suggest-point";
export { distanceToBorderMm } from "./distance-transform";
