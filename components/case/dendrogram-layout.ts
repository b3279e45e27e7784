/**
 * Layout of the interlesional dendrogram beside its feature heatmap (DESIGN §2.3): d3-hierarchy
 * orders and places the leaves (one heatmap row each), merge heights set the horizontal position
 * (root on the left, leaves on the right next to their rows), and links are elbows. Also the
 * heatmap's diverging colour scale for z-scores.
 */
import { cluster, hierarchy, type HierarchyNode } from "d3-hierarchy";
import type { Dendrogram, DendrogramNode } from "@/server/analysis/interlesional/ward";

export interface DendrogramLayout {
  /** Leaves top to bottom: the heatmap's row order, with the row centre. */
  leaves: { lesionId: string; y: number }[];
  /** SVG path data of the elbow links, parent to child. */
  links: string[];
  /** Internal nodes (merges) with their Ward height in z units. */
  merges: { x: number; y: number; height: number }[];
  /** Largest merge height (z units): the root's; the x scale runs from it (x = 0) to 0 (x = width). */
  maxHeight: number;
}

/**
 * @param rowHeight px per heatmap row; leaves sit at row centres.
 * @param width px from the root to the leaves.
 */
export function layoutDendrogram(dendrogram: Dendrogram, rowHeight: number, width: number): DendrogramLayout {
  const byId = new Map(dendrogram.nodes.map((n) => [n.id, n]));
  const leafRank = new Map(dendrogram.leafOrder.map((id, i) => [id, i]));
  const root = hierarchy<DendrogramNode>(byId.get(dendrogram.rootId)!, (n) => n.children?.map((c) => byId.get(c)!));
  // The stored leaf order has no crossings, so ordering children by their first leaf reproduces it.
  const firstLeaf = (n: HierarchyNode<DendrogramNode>) => Math.min(...n.leaves().map((l) => leafRank.get(l.data.lesionId!) ?? Infinity));
  root.sort((a, b) => firstLeaf(a) - firstLeaf(b));
  const n = dendrogram.leafOrder.length;
  // d3's cluster gives each leaf an equal band of [0, size] and puts it at the band's centre: the row centres.
  cluster<DendrogramNode>().size([n * rowHeight, width]).separation(() => 1)(root);
  const maxHeight = root.data.height || 1;
  const xOf = (node: HierarchyNode<DendrogramNode>) => width * (1 - node.data.height / maxHeight);
  const yOf = (node: HierarchyNode<DendrogramNode>) => node.x ?? 0;
  const links = root.links().map(({ source, target }) => `M${r(xOf(source))},${r(yOf(source))}V${r(yOf(target))}H${r(xOf(target))}`);
  return {
    leaves: root.leaves().map((l) => ({ lesionId: l.data.lesionId!, y: yOf(l) })),
    links,
    merges: root.descendants().filter((d) => d.children).map((d) => ({ x: xOf(d), y: yOf(d), height: d.data.height })),
    maxHeight,
  };
}

const r = (v: number) => Math.round(v * 10) / 10;

/** z-scores beyond this many reference SDs take the end colours. */
export const Z_LIMIT = 3;
const LOW = [79, 179, 232]; // below the reference mean: blue
const MID = [42, 50, 61]; // at the mean: the panel's line grey
const HIGH = [236, 122, 111]; // above: red

/** Diverging colour of a z-score: blue below the reference mean, grey at it, red above. */
export function zColour(z: number): string {
  const t = Math.max(-1, Math.min(1, z / Z_LIMIT));
  const end = t < 0 ? LOW : HIGH;
  const a = Math.abs(t);
  const c = MID.map((m, i) => Math.round(m + (end[i]! - m) * a));
  return `rgb(${c[0]}, ${c[1]}, ${c[2]})`;
}

/** Heatmap column titles, FEATURE_KEYS order (server/analysis/interlesional/features.ts). */
export const FEATURE_LABELS: Record<string, { short: string; long: string }> = {
  volumeMl: { short: "Volume", long: "Volume (log10 mL)" },
  sphericity: { short: "Sphericity", long: "Sphericity" },
  firstOrderMean: { short: "Mean HU", long: "First-order mean (HU)" },
  firstOrderEntropy: { short: "FO entropy", long: "First-order entropy (bits)" },
  kurtosis: { short: "Kurtosis", long: "Kurtosis" },
  glcmJointEntropy: { short: "GLCM JE", long: "GLCM joint entropy (bits)" },
  glcmContrast: { short: "GLCM contr.", long: "GLCM contrast" },
  glszmZoneEntropy: { short: "GLSZM ZE", long: "GLSZM zone entropy (bits)" },
  ithScore: { short: "ITH", long: "ITH score (0-100)" },
};
