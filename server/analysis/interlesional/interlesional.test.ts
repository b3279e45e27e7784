import { describe, expect, it } from "vitest";
import { AnalysisError } from "../errors";
import { createRng } from "../random";
import { FEATURE_KEYS, SYNTHETIC_CT_METASTASIS_REFERENCE, zScoreLesion, type ReferenceCohort } from "./features";
import { analyseInterlesional } from "./interlesional";
import { hyperdenseRound, largeHeterogeneous, lesion, smallHomogeneous } from "./test-lesions";

/** A reference of mean 0 and SD 1 (volume 0 = 1 mL) so that z equals the raw value. */
const IDENTITY: ReferenceCohort = {
  name: "identity",
  ...(Object.fromEntries(FEATURE_KEYS.map((k) => [k, { mean: 0, sd: 1 }])) as Omit<ReferenceCohort, "name">),
};
const zeros = { volumeMl: 1, sphericity: 0, firstOrderMean: 0, firstOrderEntropy: 0, kurtosis: 0, glcmJointEntropy: 0, glcmContrast: 0, glszmZoneEntropy: 0, ithScore: 0 };

describe("z-scores", () => {
  it("[I1] vectors hold the nine features in the documented order", () => {
    expect(FEATURE_KEYS).toEqual([
      "volumeMl", "sphericity", "firstOrderMean", "firstOrderEntropy", "kurtosis",
      "glcmJointEntropy", "glcmContrast", "glszmZoneEntropy", "ithScore",
    ]);
    expect(zScoreLesion(lesion("a"), SYNTHETIC_CT_METASTASIS_REFERENCE).z).toHaveLength(9);
  });

  it("[I2] z = (transform(x) - mean) / sd, volume on log10 mL", () => {
    const z = zScoreLesion(lesion("a", { volumeMl: 100, firstOrderMean: 120, ithScore: 8 }), SYNTHETIC_CT_METASTASIS_REFERENCE).z;
    expect(z[0]).toBeCloseTo((2 - 0.8) / 0.55, 12);
    expect(z[2]).toBeCloseTo((120 - 60) / 30, 12);
    expect(z[8]).toBeCloseTo((8 - 28) / 10, 12);
  });

  it("[I2] GLCM contrast on log10(1 + x); z limited to ±5 SD", () => {
    const z = zScoreLesion(lesion("a", { glcmContrast: 1.5, firstOrderMean: 1000, volumeMl: 1e-6 }), SYNTHETIC_CT_METASTASIS_REFERENCE).z;
    expect(z[6]).toBeCloseTo((Math.log10(2.5) - 0.34) / 0.2, 12);
    expect(z[2]).toBe(5);
    expect(z[0]).toBe(-5);
    expect(() => zScoreLesion(lesion("b", { glcmContrast: -0.1 }), SYNTHETIC_CT_METASTASIS_REFERENCE)).toThrow(/cannot be negative/);
  });

  it("[I2] a custom reference replaces the default and is named in the result", () => {
    const r = analyseInterlesional([lesion("a", { firstOrderMean: 3 })], { reference: IDENTITY });
    expect(r.referenceName).toBe("identity");
    expect(r.lesions[0].z[2]).toBe(3);
    const bad = { ...IDENTITY, kurtosis: { mean: 0, sd: 0 } };
    expect(() => analyseInterlesional([], { reference: bad })).toThrow(/positive SD/);
  });

  it("[I3] missing features are imputed at the reference mean and listed", () => {
    const z = zScoreLesion(lesion("a", { ithScore: null, glcmContrast: Number.NaN }), SYNTHETIC_CT_METASTASIS_REFERENCE);
    expect(z.z[8]).toBe(0);
    expect(z.z[6]).toBe(0);
    expect(z.imputed).toEqual(["glcmContrast", "ithScore"]);
    expect(() => zScoreLesion(lesion("b", { volumeMl: 0 }), SYNTHETIC_CT_METASTASIS_REFERENCE)).toThrow(AnalysisError);
    expect(() => analyseInterlesional([lesion("a"), lesion("a")])).toThrow(/appears twice/);
  });
});

describe("analyseInterlesional", () => {
  it("[I7] index and clusters need enough lesions, with reasons", () => {
    const none = analyseInterlesional([]);
    expect(none.heterogeneityIndex).toBeNull();
    expect(none.heterogeneityReason).toMatch(/no lesions/);
    const one = analyseInterlesional([lesion("L1")]);
    expect(one.clustering).toBeNull();
    expect(one.dendrogram).toBeNull();
    expect(one.heterogeneityIndex).toBeNull();
    expect(one.clusteringReason).toMatch(/one lesion/);
    expect(one.heterogeneityReason).toMatch(/defined from 2 lesions/);
    expect(one.heatmap).toHaveLength(1);
    const two = analyseInterlesional([lesion("L1"), lesion("L2", { firstOrderMean: 90 })]);
    expect(two.heterogeneityIndex?.meanDistance).toBeCloseTo(1, 12);
    expect(two.clustering).toBeNull();
    expect(two.clusteringReason).toMatch(/at least 3 lesions/);
    expect(two.dendrogram?.nodes).toHaveLength(3);
  });

  it("[I7] the index is the mean pairwise Euclidean distance, with the maximum and its pair", () => {
    // z-vectors (0,0,...), (3,4,0,...), (0,0,...,4 in ITH): distances 5, 4, sqrt(41) (all within the ±5 limit).
    const r = analyseInterlesional(
      [
        { lesionId: "c", ...zeros, ithScore: 4 },
        { lesionId: "a", ...zeros },
        { lesionId: "b", ...zeros, volumeMl: 1000, sphericity: 4 },
      ],
      { reference: IDENTITY },
    );
    expect(r.heterogeneityIndex?.meanDistance).toBeCloseTo((5 + 4 + Math.sqrt(41)) / 3, 12);
    expect(r.heterogeneityIndex?.maxDistance).toBeCloseTo(Math.sqrt(41), 12);
    expect(r.heterogeneityIndex?.maxPair).toEqual(["b", "c"]);
  });

  it("[I5] silhouette picks 2 phenotypes for two groups and 3 for three", () => {
    const two = analyseInterlesional([0, 0.05, -0.05].flatMap((j, i) => [largeHeterogeneous(`A${i}`, j), smallHomogeneous(`B${i}`, j)]));
    expect(two.clustering?.k).toBe(2);
    expect(two.clustering?.clusters.map((c) => c.lesionIds)).toEqual([["A0", "A1", "A2"], ["B0", "B1", "B2"]]);
    const three = analyseInterlesional(
      [0, 0.05, -0.05].flatMap((j, i) => [largeHeterogeneous(`A${i}`, j), smallHomogeneous(`B${i}`, j), hyperdenseRound(`C${i}`, j)]),
    );
    expect(three.clustering?.k).toBe(3);
    expect(three.clustering?.silhouetteByK.map((s) => s.k)).toEqual([2, 3, 4, 5, 6]);
    const groups = three.clustering!.clusters.map((c) => c.lesionIds.map((id) => id[0]).join(""));
    expect(groups.sort()).toEqual(["AAA", "BBB", "CCC"]);
  });

  it("[I5] tries k only up to n - 1", () => {
    const r = analyseInterlesional([largeHeterogeneous("a"), smallHomogeneous("b"), lesion("c"), hyperdenseRound("d")]);
    expect(r.clustering?.silhouetteByK.map((s) => s.k)).toEqual([2, 3]);
  });

  it("[I6] names phenotypes by what sets them apart", () => {
    const r = analyseInterlesional([0, 0.05, -0.05].flatMap((j, i) => [largeHeterogeneous(`A${i}`, j), smallHomogeneous(`B${i}`, j)]));
    const names = Object.fromEntries(r.clustering!.clusters.map((c) => [c.lesionIds[0], c.phenotype]));
    expect(names.A0).toBe("large, heterogeneous");
    expect(names.B0).toBe("small, homogeneous");
    expect(r.lesions.find((l) => l.lesionId === "A1")?.phenotype).toBe("large, heterogeneous");
    expect(r.lesions.find((l) => l.lesionId === "B2")?.clusterId).toBe(r.clustering!.clusters.find((c) => c.lesionIds.includes("B0"))!.id);
  });

  it("[I8] gives a consistent dendrogram and a heatmap in leaf order", () => {
    const rng = createRng(4);
    const input = Array.from({ length: 12 }, (_, i) => lesion(`L${String(i).padStart(2, "0")}`, { firstOrderMean: 100 * rng(), ithScore: 60 * rng() }));
    const r = analyseInterlesional(input);
    const d = r.dendrogram!;
    expect(d.nodes).toHaveLength(23);
    expect(d.rootId).toBe(22);
    expect(d.nodes[d.rootId].size).toBe(12);
    expect([...d.leafOrder].sort()).toEqual(input.map((l) => l.lesionId));
    for (const node of d.nodes.slice(12)) {
      const [a, b] = node.children!;
      expect(a).toBeLessThan(node.id);
      expect(b).toBeLessThan(node.id);
      expect(d.nodes[a].height).toBeLessThanOrEqual(node.height);
      expect(node.size).toBe(d.nodes[a].size + d.nodes[b].size);
    }
    expect(r.heatmap.map((row) => row.lesionId)).toEqual(d.leafOrder);
    expect(r.heatmap[0].z).toEqual(r.lesions.find((l) => l.lesionId === d.leafOrder[0])!.z);
    // Cluster members are contiguous in leaf order and numbered left to right.
    const clusterSequence = d.leafOrder.map((id) => r.lesions.find((l) => l.lesionId === id)!.clusterId);
    const runs = clusterSequence.filter((c, i) => i === 0 || c !== clusterSequence[i - 1]);
    expect(runs).toEqual(Array.from({ length: r.clustering!.k }, (_, i) => i + 1));
  });

  it("[I9] input order never changes the result", () => {
    const input = [0, 0.05, -0.05].flatMap((j, i) => [largeHeterogeneous(`A${i}`, j), smallHomogeneous(`B${i}`, j), hyperdenseRound(`C${i}`, j)]);
    const a = analyseInterlesional(input);
    const shuffled = [...input].reverse();
    [shuffled[0], shuffled[4]] = [shuffled[4], shuffled[0]];
    expect(analyseInterlesional(shuffled)).toEqual(a);
  });

  it("[I9] handles 500 lesions", () => {
    const rng = createRng(9);
    const input = Array.from({ length: 500 }, (_, i) =>
      lesion(`X${i}`, { volumeMl: 0.5 + 50 * rng(), firstOrderMean: 100 * rng(), firstOrderEntropy: 1 + 2 * rng(), ithScore: 60 * rng() }),
    );
    const r = analyseInterlesional(input);
    expect(r.dendrogram?.nodes).toHaveLength(999);
    expect(r.lesions.every((l) => l.clusterId !== null)).toBe(true);
  });
});
