/** Intralesional heterogeneity: local entropy map, habitats, ITH score (SPEC.md). */
export { localEntropyMap, DEFAULT_ENTROPY_RADIUS, type LocalEntropyOptions } from "./local-entropy";
export {
  computeHabitats,
  SILHOUETTE_SAMPLE_SIZE,
  KMEANS_RESTARTS,
  type Habitat,
  type HabitatOptions,
  type HabitatResult,
} from "./habitats";
export { ithScore, ITH_MIN_VOXELS, type IthResult } from "./ith-score";
export { meanSilhouette } from "./silhouette";
