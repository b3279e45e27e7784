/**
 * PyRadiomics parameter files (YAML or JSON) → RadiomicsSettings. Top-level keys as in
 * PyRadiomics' paramSchema.yaml: `setting`, `imageType` (only Original, whose custom settings
 * override `setting`; an empty map means Original), `featureClass`; `voxelSetting` (voxel-based extraction) is unsupported.
 * SPEC S4-S6.
 */
import { parse } from "yaml";
import { AnalysisError } from "../errors";
import { validateFeatureClass } from "./feature-catalog";
import { resolveSettings, type RadiomicsSettings, type SettingsInput } from "./settings";

function asMap(value: unknown, where: string): Record<string, unknown> {
  if (value === null || value === undefined) return {};
  if (typeof value !== "object" || Array.isArray(value)) {
    throw new AnalysisError("INVALID_SETTINGS", `${where} must be a mapping`);
  }
  return value as Record<string, unknown>;
}

/**
 * Parse a PyRadiomics parameter file. Unknown or unsupported keys, image types other than
 * Original and unknown feature names are errors, never ignored. [S4-S6]
 *
 * @param text the file's contents (YAML; JSON is valid YAML)
 */
export function parseParamsYaml(text: string): RadiomicsSettings {
  let doc: unknown;
  try {
    doc = parse(text);
  } catch (e) {
    throw new AnalysisError("INVALID_SETTINGS", `parameter file is not valid YAML: ${e instanceof Error ? e.message.split("\n")[0] : String(e)}`);
  }
  const root = asMap(doc, "the parameter file");
  for (const key of Object.keys(root)) {
    if (key === "voxelSetting") throw new AnalysisError("UNSUPPORTED_SETTING", "voxelSetting: voxel-based extraction is not supported");
    if (key !== "setting" && key !== "imageType" && key !== "featureClass") {
      throw new AnalysisError("UNSUPPORTED_SETTING", `parameter file key ${key} is not supported (setting, imageType, featureClass)`);
    }
  }
  const input: SettingsInput = { ...asMap(root.setting, "setting") };
  if ("featureClass" in input) throw new AnalysisError("UNSUPPORTED_SETTING", "setting featureClass is not supported (use the top-level featureClass)");

  if (root.imageType !== undefined && root.imageType !== null) {
    const types = asMap(root.imageType, "imageType");
    for (const [type, custom] of Object.entries(types)) {
      if (type !== "Original") throw new AnalysisError("UNSUPPORTED_SETTING", `imageType ${type} is not supported (only Original)`);
      Object.assign(input, asMap(custom, "imageType Original"));
    }
  }
  // PyRadiomics: an absent or empty featureClass enables every class.
  if (root.featureClass !== undefined && root.featureClass !== null) {
    const classes = validateFeatureClass(root.featureClass);
    if (Object.keys(classes).length > 0) input.featureClass = classes;
  }
  return resolveSettings(input);
}
