/**
 * GLCM features of one normalised co-occurrence matrix, with PyRadiomics' exact formulas
 * (glcm.py), including its epsilon inside log2 and its guards for flat regions. SPEC G3-G6.
 */
import { eigenvalues } from "./eigen";
import { EPS, nanMean } from "./numeric";

export const GLCM_FEATURES = [
  "Autocorrelation", "ClusterProminence", "ClusterShade", "ClusterTendency", "Contrast", "Correlation",
  "DifferenceAverage", "DifferenceEntropy", "DifferenceVariance", "Id", "Idm", "Idmn", "Idn", "Imc1", "Imc2",
  "InverseVariance", "JointAverage", "JointEnergy", "JointEntropy", "MCC", "MaximumProbability", "SumAverage",
  "SumEntropy", "SumSquares",
] as const;
export type GlcmFeatureName = (typeof GLCM_FEATURES)[number];

/**
 * Features of one direction's matrix.
 *
 * @param p normalised n x n matrix over the present grey levels (row-major)
 * @param gl the present grey levels (the i and j values), ascending
 * @param maxLevel PyRadiomics' Ng: the highest grey level in the ROI, used for the k ranges and
 *   as the normaliser of Idmn/Idn [G4]
 */
export function glcmDirectionFeatures(p: Float64Array, gl: Float64Array, maxLevel: number): Record<Exclude<GlcmFeatureName, "MCC">, number> {
  const n = gl.length;
  const px = new Float64Array(n);
  const py = new Float64Array(n);
  const pxAddy = new Float64Array(2 * maxLevel - 1); // k = 2 .. 2 Ng
  const pxSuby = new Float64Array(maxLevel); // k = 0 .. Ng - 1
  let ux = 0, uy = 0, hxy = 0, autocorrelation = 0, contrast = 0, jointEnergy = 0, maxProb = -Infinity;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      const v = p[i * n + j];
      px[i] += v;
      py[j] += v;
      ux += gl[i] * v;
      uy += gl[j] * v;
      pxAddy[gl[i] + gl[j] - 2] += v;
      pxSuby[Math.abs(gl[i] - gl[j])] += v;
      hxy += v * Math.log2(v + EPS);
      autocorrelation += v * (gl[i] * gl[j]);
      const d = Math.abs(gl[i] - gl[j]);
      contrast += v * (d * d);
      jointEnergy += v * v;
      if (v > maxProb || Number.isNaN(v)) maxProb = v;
    }
  }
  hxy = -hxy;

  let prominence = 0, shade = 0, tendency = 0, varX = 0, varY = 0, covariance = 0, hxy1 = 0, hxy2 = 0;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      const v = p[i * n + j];
      const t = gl[i] + gl[j] - ux - uy;
      prominence += v * t ** 4;
      shade += v * t ** 3;
      tendency += v * (t * t);
      const dx = gl[i] - ux;
      const dy = gl[j] - uy;
      varX += v * (dx * dx);
      varY += v * (dy * dy);
      covariance += v * dx * dy;
      const pxy = px[i] * py[j];
      hxy1 += v * Math.log2(pxy + EPS);
      hxy2 += pxy * Math.log2(pxy + EPS);
    }
  }
  hxy1 = -hxy1;
  hxy2 = -hxy2;

  let hx = 0, hy = 0;
  for (let i = 0; i < n; i++) {
    hx += px[i] * Math.log2(px[i] + EPS);
    hy += py[i] * Math.log2(py[i] + EPS);
  }
  hx = -hx;
  hy = -hy;

  let diffAvg = 0, diffEnt = 0, idm = 0, idmn = 0, id = 0, idn = 0, invVar = 0;
  for (let k = 0; k < maxLevel; k++) {
    const v = pxSuby[k];
    diffAvg += k * v;
    diffEnt += v * Math.log2(v + EPS);
    idm += v / (1 + k ** 2);
    idmn += v / (1 + k ** 2 / maxLevel ** 2);
    id += v / (1 + k);
    idn += v / (1 + k / maxLevel);
    if (k > 0) invVar += v / k ** 2;
  }
  let diffVar = 0;
  for (let k = 0; k < maxLevel; k++) {
    const d = k - diffAvg;
    diffVar += pxSuby[k] * (d * d);
  }

  let sumAvg = 0, sumEnt = 0;
  for (let k = 0; k < pxAddy.length; k++) {
    const v = pxAddy[k];
    sumAvg += (k + 2) * v;
    sumEnt += v * Math.log2(v + EPS);
  }

  const sigX = Math.sqrt(varX);
  const sigY = Math.sqrt(varY);
  // Flat region: PyRadiomics sets correlation 1 where sigma_x sigma_y is 0.
  const correlation = sigX * sigY === 0 ? 1 : covariance / (sigX * sigY + EPS);
  const div = Math.max(hx, hy);
  const imc1 = div !== 0 ? (hxy - hxy1) / div : 0;
  // numpy: (1 - e**(-2(HXY2 - HXY)))**0.5, NaN when negative (then ignored by nanmean), 0 when equal.
  const imc2 = hxy2 === hxy ? 0 : Math.sqrt(1 - Math.E ** (-2 * (hxy2 - hxy)));

  return {
    Autocorrelation: autocorrelation,
    ClusterProminence: prominence,
    ClusterShade: shade,
    ClusterTendency: tendency,
    Contrast: contrast,
    Correlation: correlation,
    DifferenceAverage: diffAvg,
    DifferenceEntropy: -diffEnt,
    DifferenceVariance: diffVar,
    Id: id,
    Idm: idm,
    Idmn: idmn,
    Idn: idn,
    Imc1: imc1,
    Imc2: imc2,
    InverseVariance: invVar,
    JointAverage: ux,
    JointEnergy: jointEnergy,
    JointEntropy: hxy,
    MaximumProbability: maxProb,
    SumAverage: sumAvg,
    SumEntropy: -sumEnt,
    SumSquares: varX,
  };
}

/**
 * Maximal Correlation Coefficient as PyRadiomics computes it: per direction the square root of
 * the second-largest eigenvalue of Q(i,j) = sum_k p(i,k) p(j,k) / (px(i) py(k) + eps), then
 * nanmean. numpy returns real eigenvalues only when every direction's are real, in which case a
 * negative one gives NaN (ignored); otherwise complex square roots are taken and the real part
 * kept. A single grey level gives 1. [G6]
 */
export function mccFromMatrices(matrices: Float64Array[], n: number): number {
  if (n < 2) return 1;
  const pairs = matrices.map((p) => {
    const px = new Float64Array(n);
    const py = new Float64Array(n);
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) {
      px[i] += p[i * n + j];
      py[j] += p[i * n + j];
    }
    const q = new Float64Array(n * n);
    for (let k = 0; k < n; k++) {
      for (let i = 0; i < n; i++) {
        const pik = p[i * n + k];
        const denominator = px[i] * py[k] + EPS;
        for (let j = 0; j < n; j++) q[i * n + j] += (pik * p[j * n + k]) / denominator;
      }
    }
    const { re, im } = eigenvalues(q, n);
    const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => re[a] - re[b] || im[a] - im[b]);
    const second = order[n - 2];
    return { re: re[second], im: im[second], anyComplex: im.some((v) => v !== 0) };
  });
  const complexMode = pairs.some((e) => e.anyComplex);
  const values = pairs.map(({ re, im }) => {
    if (!complexMode) return re < 0 ? NaN : Math.sqrt(re);
    // Principal square root of re + i im; only its real part survives.
    const modulus = Math.hypot(re, im);
    return Math.sqrt((modulus + re) / 2);
  });
  return nanMean(values);
}
