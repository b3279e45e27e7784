/** Settings and PyRadiomics parameter files (SPEC S1-S6). */
import { describe, expect, it } from "vitest";
import { parseParamsYaml } from "./params-yaml";
import { errorOf } from "./test-utils";
import { DEFAULT_SETTINGS, resolveSettings, type SettingsInput } from "./settings";

/** Untyped input, as a parameter file or API caller may send it. */
const raw = (o: Record<string, unknown>) => o as SettingsInput;


describe("settings", () => {
  it("[S1] PyRadiomics defaults", () => {
    const s = resolveSettings();
    expect(s).toMatchObject({
      binWidth: 25, binCount: null, label: 1, force2D: false, force2Ddimension: 0, voxelArrayShift: 0,
      symmetricalGLCM: true, distances: [1], gldm_a: 0, weightingNorm: null, minimumROIDimensions: 2,
      interpolator: "sitkBSpline", padDistance: 5, resampledPixelSpacing: null, normalize: false,
    });
    expect(Object.keys(s.featureClass).sort()).toEqual(["firstorder", "glcm", "gldm", "glrlm", "glszm", "ngtdm", "shape"]);
    expect(DEFAULT_SETTINGS.binWidth).toBe(25);
  });

  it("[S2] invalid values name the setting", () => {
    const e = errorOf(() => resolveSettings({ binWidth: -1 }));
    expect(e.code).toBe("INVALID_SETTINGS");
    expect(e.message).toMatch(/binWidth/);
    expect(errorOf(() => resolveSettings({ resegmentRange: [1, 2, 3] })).message).toMatch(/resegmentRange/);
    expect(errorOf(() => resolveSettings(raw({ force2Ddimension: 3 }))).code).toBe("INVALID_SETTINGS");
  });

  it("[S3] unsupported settings are errors naming them, never ignored", () => {
    for (const [name, value] of [["sigma", [1]], ["correctMask", true], ["geometryTolerance", 1e-3], ["kernelRadius", 1], ["weightingNorm", "bogus"], ["interpolator", "sitkGaussian"]] as const) {
      const e = errorOf(() => resolveSettings(raw({ [name]: value })));
      expect(e.code, name).toBe("UNSUPPORTED_SETTING");
      expect(e.message).toContain(name);
    }
    expect(resolveSettings({ correctMask: false, label_channel: 0 }).label).toBe(1);
    expect(resolveSettings(raw({ interpolator: 2 })).interpolator).toBe("sitkLinear");
  });
});

describe("parseParamsYaml", () => {
  it("[S4] [S5] reads a PyRadiomics parameter file", () => {
    const s = parseParamsYaml(`
imageType:
  Original: {}
featureClass:
  shape:
  firstorder: []
  glcm: [JointEntropy, Idmn]
setting:
  binWidth: 10
  label: 2
  resegmentRange: [-100, 400]
  force2D: true
  force2Ddimension: 0
  interpolator: 'sitkLinear'
  resampledPixelSpacing: [1, 1, 0]
  weightingNorm:
  voxelArrayShift: 1000
`);
    expect(s).toMatchObject({ binWidth: 10, label: 2, resegmentRange: [-100, 400], force2D: true, interpolator: "sitkLinear", resampledPixelSpacing: [1, 1, 0], voxelArrayShift: 1000 });
    expect(s.featureClass).toEqual({ shape: null, firstorder: null, glcm: ["JointEntropy", "Idmn"] });
  });

  it("[S5] Original's custom settings override setting; no featureClass enables every class", () => {
    const s = parseParamsYaml("setting: {binWidth: 5}\nimageType:\n  Original: {binWidth: 7}\n");
    expect(s.binWidth).toBe(7);
    expect(Object.keys(s.featureClass)).toHaveLength(7);
  });

  it("[S4] [S5] other image types, voxelSetting, unknown keys and shape2D are unsupported", () => {
    expect(errorOf(() => parseParamsYaml("imageType:\n  LoG: {sigma: [1.0]}\n")).message).toMatch(/imageType LoG/);
    expect(errorOf(() => parseParamsYaml("voxelSetting: {kernelRadius: 2}\n")).code).toBe("UNSUPPORTED_SETTING");
    expect(errorOf(() => parseParamsYaml("settings: {binWidth: 5}\n")).message).toMatch(/settings/);
    expect(errorOf(() => parseParamsYaml("featureClass:\n  shape2D:\n")).code).toBe("UNSUPPORTED_SETTING");
    expect(errorOf(() => parseParamsYaml("setting: {binWidht: 5}\n")).message).toMatch(/binWidht/);
  });

  it("[S5] unknown feature names are invalid; [S6] deprecated ones are accepted", () => {
    const e = errorOf(() => parseParamsYaml("featureClass:\n  glcm: [JointEntropyy]\n"));
    expect(e.code).toBe("INVALID_SETTINGS");
    expect(e.message).toMatch(/JointEntropyy/);
    expect(parseParamsYaml("featureClass:\n  glcm: [SumVariance]\n  firstorder: [StandardDeviation]\n").featureClass.glcm).toEqual(["SumVariance"]);
  });

  it("[S4] malformed YAML is INVALID_SETTINGS", () => {
    expect(errorOf(() => parseParamsYaml("setting: [unclosed")).code).toBe("INVALID_SETTINGS");
  });
});
