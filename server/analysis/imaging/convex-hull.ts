/**
 * Exact convex hulls of integer points (SPEC.md I63). Mesh vertices are doubled voxel indices, so
 * every orientation test is an exact integer computation in float64 (|coordinate| < 2^15 keeps
 * every product below 2^53): no epsilon, no robustness failures on the many coplanar points of a
 * voxelised surface. Anisotropic spacing is a linear map, which keeps hulls hulls.
 */

/** A 3D hull: outward-oriented triangles (point indices) and the indices of its vertices. */
export interface Hull3D {
  faces: Int32Array;
  vertexIds: Int32Array;
}

function orient(p: Int32Array, a: number, b: number, c: number, q: number): number {
  const ax = p[3 * a], ay = p[3 * a + 1], az = p[3 * a + 2];
  const ux = p[3 * b] - ax, uy = p[3 * b + 1] - ay, uz = p[3 * b + 2] - az;
  const vx = p[3 * c] - ax, vy = p[3 * c + 1] - ay, vz = p[3 * c + 2] - az;
  const wx = p[3 * q] - ax, wy = p[3 * q + 1] - ay, wz = p[3 * q + 2] - az;
  return (uy * vz - uz * vy) * wx + (uz * vx - ux * vz) * wy + (ux * vy - uy * vx) * wz;
}

/** Four affinely independent points, or null when all points are coplanar. */
function initialSimplex(p: Int32Array, n: number): [number, number, number, number] | null {
  let i0 = 0, i1 = 0;
  for (let i = 1; i < n; i++) {
    if (p[3 * i] < p[3 * i0]) i0 = i;
    if (p[3 * i] > p[3 * i1]) i1 = i;
  }
  if (i0 === i1) {
    // All x equal: take any point differing from the first.
    for (let i = 1; i < n && i1 === i0; i++) if (p[3 * i + 1] !== p[1] || p[3 * i + 2] !== p[2]) i1 = i;
    if (i1 === i0) return null;
  }
  let i2 = -1, best = 0;
  const dx = p[3 * i1] - p[3 * i0], dy = p[3 * i1 + 1] - p[3 * i0 + 1], dz = p[3 * i1 + 2] - p[3 * i0 + 2];
  for (let i = 0; i < n; i++) {
    const wx = p[3 * i] - p[3 * i0], wy = p[3 * i + 1] - p[3 * i0 + 1], wz = p[3 * i + 2] - p[3 * i0 + 2];
    const cx = dy * wz - dz * wy, cy = dz * wx - dx * wz, cz = dx * wy - dy * wx;
    const d = cx * cx + cy * cy + cz * cz;
    if (d > best) { best = d; i2 = i; }
  }
  if (i2 < 0) return null;
  let i3 = -1;
  best = 0;
  for (let i = 0; i < n; i++) {
    const d = Math.abs(orient(p, i0, i1, i2, i));
    if (d > best) { best = d; i3 = i; }
  }
  return i3 < 0 ? null : [i0, i1, i2, i3];
}

/**
 * Quickhull (Barber, Dobkin & Huhdanpaa 1996) on `n` integer points given as x,y,z triples.
 * Coplanar neighbours are kept as separate triangles, which leaves volume, area and vertex
 * extremes exact. Returns null when the points are coplanar.
 */
export function convexHull3D(p: Int32Array, n: number): Hull3D | null {
  const simplex = initialSimplex(p, n);
  if (!simplex) return null;
  const fa: number[] = [], fb: number[] = [], fc: number[] = [];
  const alive: boolean[] = [];
  const outside: number[][] = [];
  const edges = new Map<number, number>(); // directed edge u->v (key u * n + v) -> face
  const addFace = (a: number, b: number, c: number): number => {
    const f = fa.length;
    fa.push(a); fb.push(b); fc.push(c); alive.push(true); outside.push([]);
    edges.set(a * n + b, f); edges.set(b * n + c, f); edges.set(c * n + a, f);
    return f;
  };
  const [s0, s1, s2, s3] = simplex;
  for (const [a, b, c, opposite] of [[s0, s1, s2, s3], [s0, s1, s3, s2], [s0, s2, s3, s1], [s1, s2, s3, s0]]) {
    // Orient each face so that the simplex's fourth point is below it.
    if (orient(p, a, b, c, opposite) > 0) addFace(a, c, b); else addFace(a, b, c);
  }
  const inSimplex = new Set(simplex);
  for (let q = 0; q < n; q++) {
    if (inSimplex.has(q)) continue;
    for (let f = 0; f < 4; f++) if (orient(p, fa[f], fb[f], fc[f], q) > 0) { outside[f].push(q); break; }
  }
  const stack = [0, 1, 2, 3];
  const seen: number[] = [];
  let stamp = 0;
  while (stack.length) {
    const f0 = stack.pop()!;
    if (!alive[f0] || outside[f0].length === 0) continue;
    let eye = -1, far = 0;
    for (const q of outside[f0]) {
      const d = orient(p, fa[f0], fb[f0], fc[f0], q);
      if (d > far) { far = d; eye = q; }
    }
    stamp++;
    const visible = [f0];
    seen[f0] = stamp;
    const horizon: number[] = [];
    for (let v = 0; v < visible.length; v++) {
      const g = visible[v];
      const ring = [fa[g], fb[g], fc[g]];
      for (let e = 0; e < 3; e++) {
        const u = ring[e], w = ring[(e + 1) % 3];
        const h = edges.get(w * n + u)!;
        if (seen[h] === stamp) continue;
        if (orient(p, fa[h], fb[h], fc[h], eye) > 0) {
          seen[h] = stamp;
          visible.push(h);
        } else {
          horizon.push(u, w);
        }
      }
    }
    const orphans: number[] = [];
    for (const g of visible) {
      alive[g] = false;
      for (const q of outside[g]) if (q !== eye) orphans.push(q);
      outside[g] = [];
      edges.delete(fa[g] * n + fb[g]); edges.delete(fb[g] * n + fc[g]); edges.delete(fc[g] * n + fa[g]);
    }
    // A horizon edge u->v of a visible face becomes the face (u, v, eye), keeping orientation.
    const created: number[] = [];
    for (let e = 0; e < horizon.length; e += 2) created.push(addFace(horizon[e], horizon[e + 1], eye));
    for (const q of orphans) {
      for (const f of created) if (orient(p, fa[f], fb[f], fc[f], q) > 0) { outside[f].push(q); break; }
    }
    for (const f of created) if (outside[f].length) stack.push(f);
  }
  const faces: number[] = [];
  const ids = new Set<number>();
  for (let f = 0; f < fa.length; f++) {
    if (!alive[f]) continue;
    faces.push(fa[f], fb[f], fc[f]);
    ids.add(fa[f]); ids.add(fb[f]); ids.add(fc[f]);
  }
  return { faces: Int32Array.from(faces), vertexIds: Int32Array.from(ids) };
}

/**
 * 2D convex hull (Andrew's monotone chain) of integer points (u, v pairs); returns the hull's
 * point indices counter-clockwise, collinear points dropped.
 */
export function convexHull2D(uv: Int32Array | Float64Array, n: number): number[] {
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => uv[2 * a] - uv[2 * b] || uv[2 * a + 1] - uv[2 * b + 1]);
  if (n < 3) return order;
  const cross = (o: number, a: number, b: number) =>
    (uv[2 * a] - uv[2 * o]) * (uv[2 * b + 1] - uv[2 * o + 1]) - (uv[2 * a + 1] - uv[2 * o + 1]) * (uv[2 * b] - uv[2 * o]);
  const hull: number[] = [];
  for (const pass of [order, order.slice().reverse()]) {
    const start = hull.length;
    for (const i of pass) {
      while (hull.length >= start + 2 && cross(hull[hull.length - 2], hull[hull.length - 1], i) <= 0) hull.pop();
      hull.push(i);
    }
    hull.pop();
  }
  return hull;
}
