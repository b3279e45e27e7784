import { describe, expect, it } from "vitest";
import { FEATURE_KEYS, type FeatureKey } from "./features";
import { namePhenotypes } from "./phenotypes";

/** A z-vector with the given deviations, 0 elsewhere. */
function vec(values: Partial<Record<FeatureKey, number>>): number[] {
  return FEATURE_KEYS.map((k) => values[k] ?? 0);
}
const het = (v: number) => ({ firstOrderEntropy: v, glcmJointEntropy: v, glszmZoneEntropy: v, ithScore: v });

describe("namePhenotypes", () => {
  it("[I6] joins the two most distinctive descriptors", () => {
    const [a] = namePhenotypes([vec({ volumeMl: 1.2, ...het(0.9), sphericity: -0.6 })], vec({}));
    expect(a.name).toBe("large, heterogeneous");
    expect(a.descriptors.map((d) => d.word)).toEqual(["large", "heterogeneous", "irregular"]);
  });

  it("[I6] averages the entropy-type features into one heterogeneity axis", () => {
    // One entropy feature at +1.6 and the others at 0 average to 0.4: below the 0.5 threshold.
    const [a] = namePhenotypes([vec({ ithScore: 1.6, firstOrderMean: -0.7 })], vec({}));
    expect(a.name).toBe("hypodense");
  });

  it("[I6] measures deviations from the patient's mean, not from the reference", () => {
    const patient = vec({ volumeMl: 2 });
    const [a] = namePhenotypes([vec({ volumeMl: 2.1, glcmContrast: -1 })], patient);
    expect(a.name).toBe("smooth");
  });

  it("[I6] breaks ties between equal deviations by axis order", () => {
    const [a] = namePhenotypes([vec({ kurtosis: 1, sphericity: 1, volumeMl: 1 })], vec({}));
    expect(a.name).toBe("large, round");
  });

  it("[I6] extends clashing names, then numbers what still clashes", () => {
    const names = namePhenotypes(
      [
        vec({ volumeMl: 2, ...het(1.5), sphericity: -0.8 }),
        vec({ volumeMl: 2, ...het(1.5), firstOrderMean: 0.9 }),
        vec({ volumeMl: 0.1 }),
        vec({ volumeMl: -0.1 }),
      ],
      vec({}),
    ).map((p) => p.name);
    expect(names).toEqual([
      "large, heterogeneous, irregular",
      "large, heterogeneous, hyperdense",
      "intermediate (cluster 3)",
      "intermediate (cluster 4)",
    ]);
  });
});
