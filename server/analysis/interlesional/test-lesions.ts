/** Lesion feature fixtures for the interlesional tests: a typical lesion and three distinct phenotypes. */
import type { LesionFeatures } from "./features";

export function lesion(lesionId: string, values: Partial<Omit<LesionFeatures, "lesionId">> = {}): LesionFeatures {
  return {
    lesionId,
    volumeMl: 6.3,
    sphericity: 0.75,
    firstOrderMean: 60,
    firstOrderEntropy: 2,
    kurtosis: 3.5,
    glcmJointEntropy: 3.6,
    glcmContrast: 1.2,
    glszmZoneEntropy: 5,
    ithScore: 28,
    ...values,
  };
}

/** A large heterogeneous lesion with small jitter so clusters are not degenerate. */
export function largeHeterogeneous(id: string, jitter = 0): LesionFeatures {
  return lesion(id, {
    volumeMl: 40 * (1 + jitter),
    sphericity: 0.62 + jitter / 10,
    firstOrderEntropy: 2.8 + jitter,
    glcmJointEntropy: 4.8 + jitter,
    glcmContrast: 2.4,
    glszmZoneEntropy: 5.9,
    ithScore: 48 + 10 * jitter,
  });
}

export function smallHomogeneous(id: string, jitter = 0): LesionFeatures {
  return lesion(id, {
    volumeMl: 1.0 * (1 + jitter),
    sphericity: 0.85 + jitter / 10,
    firstOrderEntropy: 1.3 + jitter,
    glcmJointEntropy: 2.8 + jitter,
    glcmContrast: 0.5,
    glszmZoneEntropy: 4.2,
    ithScore: 14 + 10 * jitter,
  });
}

export function hyperdenseRound(id: string, jitter = 0): LesionFeatures {
  return lesion(id, { firstOrderMean: 150 + 10 * jitter, sphericity: 0.9 + jitter / 10, kurtosis: 8 + jitter });
}
