/**
 * Radiomics core (SPEC.md in this folder): PyRadiomics-exact feature extraction with an IBSI mode,
 * the shared grey-level discretisation and PyRadiomics parameter files.
 */
export { extractFeatures, type ExtractOptions, type ExtractionResult } from "./extract";
export { discretise, type DiscretiseOptions, type Discretised } from "./discretise";
export { parseParamsYaml } from "./params-yaml";
export { DEFAULT_SETTINGS, resolveSettings, type FeatureClassName, type RadiomicsSettings, type SettingsInput } from "./settings";
export type { Diagnostics } from "./diagnostics";
