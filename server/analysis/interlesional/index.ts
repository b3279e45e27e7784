/** Interlesional heterogeneity: z-scored phenotypes, Ward clustering, MIRV-style index (SPEC.md). */
export {
  analyseInterlesional,
  DEFAULT_K_MAX,
  type InterlesionalLesion,
  type InterlesionalOptions,
  type InterlesionalResult,
  type PhenotypeCluster,
} from "./interlesional";
export {
  FEATURE_KEYS,
  SYNTHETIC_CT_METASTASIS_REFERENCE,
  zScoreLesion,
  type FeatureKey,
  type LesionFeatures,
  type ReferenceCohort,
  type ZScoredLesion,
} from "./features";
export { PHENOTYPE_AXES, type PhenotypeDescriptor, type PhenotypeName } from "./phenotypes";
export { type Dendrogram, type DendrogramNode } from "./ward";
