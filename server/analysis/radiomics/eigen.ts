/**
 * Eigenvalues of a general real square matrix: Householder reduction to Hessenberg form and the
 * shifted double-step QR algorithm (EISPACK orthes + hqr, as in the public-domain JAMA port).
 * GLCM MCC needs the second-largest eigenvalue of a non-symmetric matrix, like numpy.linalg.eigvals.
 */

export interface Eigenvalues {
  re: Float64Array;
  im: Float64Array;
}

/** Reduce `h` (row-major n x n, modified in place) to upper Hessenberg form. */
function toHessenberg(h: Float64Array, n: number): void {
  const ort = new Float64Array(n);
  for (let m = 1; m <= n - 2; m++) {
    let scale = 0;
    for (let i = m; i < n; i++) scale += Math.abs(h[i * n + m - 1]);
    if (scale === 0) continue;
    let sumSq = 0;
    for (let i = n - 1; i >= m; i--) {
      ort[i] = h[i * n + m - 1] / scale;
      sumSq += ort[i] * ort[i];
    }
    let g = Math.sqrt(sumSq);
    if (ort[m] > 0) g = -g;
    sumSq -= ort[m] * g;
    ort[m] -= g;
    for (let j = m; j < n; j++) {
      let f = 0;
      for (let i = n - 1; i >= m; i--) f += ort[i] * h[i * n + j];
      f /= sumSq;
      for (let i = m; i < n; i++) h[i * n + j] -= f * ort[i];
    }
    for (let i = 0; i < n; i++) {
      let f = 0;
      for (let j = n - 1; j >= m; j--) f += ort[j] * h[i * n + j];
      f /= sumSq;
      for (let j = m; j < n; j++) h[i * n + j] -= f * ort[j];
    }
    ort[m] *= scale;
    h[m * n + m - 1] = scale * g;
  }
}

/**
 * All eigenvalues of the row-major n x n matrix `a` (not modified). Complex eigenvalues come in
 * conjugate pairs. Returns NaNs if the QR iteration fails to converge (never seen on GLCM input).
 */
export function eigenvalues(a: Float64Array, n: number): Eigenvalues {
  const h = Float64Array.from(a);
  const re = new Float64Array(n);
  const im = new Float64Array(n);
  toHessenberg(h, n);
  const H = (i: number, j: number) => h[i * n + j];
  const set = (i: number, j: number, v: number) => {
    h[i * n + j] = v;
  };
  const eps = 2 ** -52;
  let norm = 0;
  for (let i = 0; i < n; i++) for (let j = Math.max(i - 1, 0); j < n; j++) norm += Math.abs(H(i, j));

  let hi = n - 1;
  let exshift = 0;
  let iter = 0;
  let totalIter = 0;
  let p = 0, q = 0, r = 0, s = 0, z = 0, w: number, x: number, y: number;
  while (hi >= 0) {
    if (++totalIter > 100 * n + 100) {
      re.fill(NaN);
      im.fill(NaN);
      return { re, im };
    }
    let l = hi;
    while (l > 0) {
      s = Math.abs(H(l - 1, l - 1)) + Math.abs(H(l, l));
      if (s === 0) s = norm;
      if (Math.abs(H(l, l - 1)) < eps * s) break;
      l--;
    }
    if (l === hi) {
      re[hi] = H(hi, hi) + exshift;
      im[hi] = 0;
      hi--;
      iter = 0;
    } else if (l === hi - 1) {
      w = H(hi, hi - 1) * H(hi - 1, hi);
      p = (H(hi - 1, hi - 1) - H(hi, hi)) / 2;
      q = p * p + w;
      z = Math.sqrt(Math.abs(q));
      x = H(hi, hi) + exshift;
      if (q >= 0) {
        z = p >= 0 ? p + z : p - z;
        re[hi - 1] = x + z;
        re[hi] = z !== 0 ? x - w / z : x + z;
        im[hi - 1] = 0;
        im[hi] = 0;
      } else {
        re[hi - 1] = x + p;
        re[hi] = x + p;
        im[hi - 1] = z;
        im[hi] = -z;
      }
      hi -= 2;
      iter = 0;
    } else {
      x = H(hi, hi);
      y = H(hi - 1, hi - 1);
      w = H(hi, hi - 1) * H(hi - 1, hi);
      if (iter === 10) {
        // Wilkinson's exceptional shift breaks cycles.
        exshift += x;
        for (let i = 0; i <= hi; i++) set(i, i, H(i, i) - x);
        s = Math.abs(H(hi, hi - 1)) + Math.abs(H(hi - 1, hi - 2));
        x = y = 0.75 * s;
        w = -0.4375 * s * s;
      }
      if (iter === 30) {
        s = (y - x) / 2;
        s = s * s + w;
        if (s > 0) {
          s = Math.sqrt(s);
          if (y < x) s = -s;
          s = x - w / ((y - x) / 2 + s);
          for (let i = 0; i <= hi; i++) set(i, i, H(i, i) - s);
          exshift += s;
          x = y = w = 0.964;
        }
      }
      iter++;
      let m = hi - 2;
      while (m >= l) {
        z = H(m, m);
        r = x - z;
        s = y - z;
        p = (r * s - w) / H(m + 1, m) + H(m, m + 1);
        q = H(m + 1, m + 1) - z - r - s;
        r = H(m + 2, m + 1);
        s = Math.abs(p) + Math.abs(q) + Math.abs(r);
        p /= s;
        q /= s;
        r /= s;
        if (m === l) break;
        const lhs = Math.abs(H(m, m - 1)) * (Math.abs(q) + Math.abs(r));
        const rhs = eps * (Math.abs(p) * (Math.abs(H(m - 1, m - 1)) + Math.abs(z) + Math.abs(H(m + 1, m + 1))));
        if (lhs < rhs) break;
        m--;
      }
      for (let i = m + 2; i <= hi; i++) {
        set(i, i - 2, 0);
        if (i > m + 2) set(i, i - 3, 0);
      }
      for (let k = m; k <= hi - 1; k++) {
        const notLast = k !== hi - 1;
        if (k !== m) {
          p = H(k, k - 1);
          q = H(k + 1, k - 1);
          r = notLast ? H(k + 2, k - 1) : 0;
          x = Math.abs(p) + Math.abs(q) + Math.abs(r);
          if (x === 0) continue;
          p /= x;
          q /= x;
          r /= x;
        }
        s = Math.sqrt(p * p + q * q + r * r);
        if (p < 0) s = -s;
        if (s === 0) continue;
        if (k !== m) set(k, k - 1, -s * x);
        else if (l !== m) set(k, k - 1, -H(k, k - 1));
        p += s;
        x = p / s;
        y = q / s;
        z = r / s;
        q /= p;
        r /= p;
        for (let j = k; j < n; j++) {
          p = H(k, j) + q * H(k + 1, j);
          if (notLast) {
            p += r * H(k + 2, j);
            set(k + 2, j, H(k + 2, j) - p * z);
          }
          set(k, j, H(k, j) - p * x);
          set(k + 1, j, H(k + 1, j) - p * y);
        }
        for (let i = 0; i <= Math.min(hi, k + 3); i++) {
          p = x * H(i, k) + y * H(i, k + 1);
          if (notLast) {
            p += z * H(i, k + 2);
            set(i, k + 2, H(i, k + 2) - p * r);
          }
          set(i, k, H(i, k) - p);
          set(i, k + 1, H(i, k + 1) - p * q);
        }
      }
    }
  }
  return { re, im };
}
