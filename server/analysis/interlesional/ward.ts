/**
 * Ward hierarchical clustering and its dendrogram (SPEC.md I4, I8).
 */
import { agnes, type Cluster } from "ml-hclust";

export interface DendrogramNode {
  /** Leaves are 0..n-1 (lesions in id order); internal nodes n..2n-2 in merge order. */
  id: number;
  /** The two merged nodes, the one holding the earlier lesion id first; null for a leaf. */
  children: [number, number] | null;
  /** Ward.D2 merge height (z units): sqrt(2 x increase in within-cluster sum of squares); 0 for leaves. */
  height: number;
  /** Number of lesions below. */
  size: number;
  /** The lesion of a leaf; null for internal nodes. */
  lesionId: string | null;
}

export interface Dendrogram {
  nodes: DendrogramNode[];
  rootId: number;
  /** Lesion ids left to right, so that no branches cross. */
  leafOrder: string[];
}

/**
 * Ward's minimum-variance clustering of the lesions (I4) with ml-hclust's `agnes`, method
 * `ward2`: the Lance-Williams update on squared Euclidean distances, i.e. R's `hclust(method =
 * "ward.D2")` (Murtagh & Legendre, J Classif 2014;31:274-295). ml-hclust's `ward` applies the same
 * update to unsquared distances (R's "ward.D"), which does not minimise Ward's criterion.
 *
 * @param distances n x n Euclidean distances between z-vectors, lesions in id order (n >= 2).
 */
export function wardDendrogram(distances: number[][], lesionIds: string[]): Dendrogram {
  const n = lesionIds.length;
  const root = agnes(distances, { method: "ward2", isDistanceMatrix: true });

  // Post-order puts children before parents. Ward.D2 heights never decrease up the tree, so sorting
  // by height keeps that order and node ids follow the merge sequence; the running maximum guards
  // against a rounding-level inversion breaking it.
  const internal: Array<{ cluster: Cluster; height: number; order: number }> = [];
  const visit = (c: Cluster): number => {
    if (c.isLeaf) return 0;
    const below = Math.max(...c.children.map(visit));
    const height = Math.max(c.height, below);
    internal.push({ cluster: c, height, order: internal.length });
    return height;
  };
  visit(root);
  internal.sort((a, b) => a.height - b.height || a.order - b.order);

  const idOf = new Map<Cluster, number>();
  const minLeaf = new Map<Cluster, number>();
  const nodes: DendrogramNode[] = lesionIds.map((lesionId, id) => ({ id, children: null, height: 0, size: 1, lesionId }));
  root.traverse((c) => {
    if (c.isLeaf) {
      idOf.set(c, c.index);
      minLeaf.set(c, c.index);
    }
  });
  internal.forEach(({ cluster, height }, rank) => {
    const id = n + rank;
    idOf.set(cluster, id);
    const [a, b] = cluster.children;
    minLeaf.set(cluster, Math.min(minLeaf.get(a)!, minLeaf.get(b)!));
    const ordered = minLeaf.get(a)! <= minLeaf.get(b)! ? [a, b] : [b, a];
    nodes.push({
      id,
      children: [idOf.get(ordered[0])!, idOf.get(ordered[1])!],
      height,
      size: cluster.size,
      lesionId: null,
    });
  });

  const rootId = 2 * n - 2;
  return { nodes, rootId, leafOrder: leavesUnder(nodes, rootId).map((id) => lesionIds[id]) };
}

/**
 * Cuts the tree into k clusters by undoing its last k - 1 merges (I5).
 * @returns the cluster of each leaf (lesions in id order), numbered 1..k by first appearance in the
 *   dendrogram's leaf order, so colours run left to right.
 */
export function cutDendrogram(dendrogram: Dendrogram, k: number): Int32Array {
  const n = (dendrogram.nodes.length + 1) / 2;
  const firstUndone = 2 * n - k;
  const tops: number[] = [];
  const expand = (id: number): void => {
    const node = dendrogram.nodes[id];
    if (id >= firstUndone && node.children) node.children.forEach(expand);
    else tops.push(id);
  };
  expand(dendrogram.rootId);
  // Children are stored left to right, so `tops` is already in leaf order.
  const clusterOf = new Int32Array(n);
  tops.forEach((top, i) => {
    for (const leaf of leavesUnder(dendrogram.nodes, top)) clusterOf[leaf] = i + 1;
  });
  return clusterOf;
}

/** Leaf ids under a node, left to right (iterative: hundreds of lesions can make deep chains). */
function leavesUnder(nodes: DendrogramNode[], id: number): number[] {
  const out: number[] = [];
  const stack = [id];
  while (stack.length > 0) {
    const node = nodes[stack.pop()!];
    if (!node.children) out.push(node.id);
    else stack.push(node.children[1], node.children[0]);
  }
  return out;
}
