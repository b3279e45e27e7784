/**
 * Baseline target-lesion suggestion (SPEC R1-R4): Eisenhauer et al., Eur J Cancer 2009;45:228-247,
 * §3.1 (measurability) and §4.2 (at most 5 targets, 2 per organ, chosen by size and
 * reproducibility). A suggestion for the radiologist, who also weighs representativeness.
 */
import { AnalysisError } from "../errors";
import {
  MAX_DIAMETER_MM,
  MAX_TARGETS,
  MAX_TARGETS_PER_ORGAN,
  NODE_PATHOLOGICAL_SHORT_AXIS_MM,
  NODE_TARGET_SHORT_AXIS_MM,
  measurableMinimumMm,
  organKey,
} from "./lesion-size";

export interface TargetCandidate {
  id: string;
  organ: string;
  isLymphNode: boolean;
  /** Longest axial diameter (mm). */
  longAxisMm: number;
  /** Short axis perpendicular to it (mm); required for lymph nodes. */
  shortAxisMm?: number;
  /** False when the lesion cannot be measured reproducibly (ill-defined margins, motion). */
  reproducible?: boolean;
}

export type CandidateClassification = "target" | "non-target" | "normal-node";

export interface TargetSuggestion {
  targets: string[];
  nonTargets: string[];
  /** Nodes under 10 mm short axis: normal, not lesions (§3.1.2). */
  normalNodes: string[];
  reasons: { id: string; classification: CandidateClassification; reason: string }[];
}

/**
 * R4: keeps at most 5 items and at most 2 per organ, largest first; ties keep input order.
 * Used for baseline targets and for iRECIST new-lesion targets alike.
 */
export function pickLargestPerOrgan<T extends { organKey: string; sizeMm: number }>(items: T[]): T[] {
  const order = items.map((item, i) => ({ item, i })).sort((a, b) => b.item.sizeMm - a.item.sizeMm || a.i - b.i);
  const perOrgan = new Map<string, number>();
  const picked: T[] = [];
  for (const { item } of order) {
    if (picked.length === MAX_TARGETS) break;
    const n = perOrgan.get(item.organKey) ?? 0;
    if (n === MAX_TARGETS_PER_ORGAN) continue;
    perOrgan.set(item.organKey, n + 1);
    picked.push(item);
  }
  return picked;
}

function checkCandidate(c: TargetCandidate, i: number, seen: Set<string>): void {
  const fail = (field: string, problem: string): never => {
    throw new AnalysisError("INVALID_INPUT", `candidates[${i}].${field}: ${problem}`);
  };
  if (typeof c.id !== "string" || !c.id) fail("id", "must be a non-empty string");
  if (seen.has(c.id)) fail("id", `duplicate lesion id "${c.id}"`);
  seen.add(c.id);
  const sizeOk = (v: unknown) => typeof v === "number" && Number.isFinite(v) && v >= 0 && v <= MAX_DIAMETER_MM;
  if (!sizeOk(c.longAxisMm)) fail("longAxisMm", `must be a number from 0 to ${MAX_DIAMETER_MM} mm`);
  if (c.isLymphNode && !sizeOk(c.shortAxisMm)) fail("shortAxisMm", "required for a lymph node, 0 to 1000 mm");
  if (c.shortAxisMm !== undefined && (!sizeOk(c.shortAxisMm) || c.shortAxisMm > c.longAxisMm)) {
    fail("shortAxisMm", "must be a number no larger than longAxisMm");
  }
}

/**
 * Classifies baseline lesions and suggests targets.
 * Measurable: longest diameter >= 10 mm (twice the slice thickness when slices are thicker than
 * 5 mm); lymph nodes by short axis: >= 15 mm measurable, 10 to < 15 mm pathological non-target,
 * < 10 mm normal. Measurable, reproducible lesions become targets largest first (nodes by short
 * axis), at most 5 in total and 2 per organ, all lymph nodes counting as one organ.
 * @param opts.sliceThicknessMm CT slice thickness (mm); 5 mm or less when omitted
 */
export function suggestTargets(candidates: TargetCandidate[], opts: { sliceThicknessMm?: number } = {}): TargetSuggestion {
  const seen = new Set<string>();
  candidates.forEach((c, i) => checkCandidate(c, i, seen));
  const minMm = measurableMinimumMm(opts.sliceThicknessMm);
  const reasons = new Map<string, { classification: CandidateClassification; reason: string }>();
  const measurable: { id: string; organKey: string; sizeMm: number }[] = [];
  for (const c of candidates) {
    if (c.isLymphNode) {
      const sa = c.shortAxisMm!;
      if (sa < NODE_PATHOLOGICAL_SHORT_AXIS_MM) {
        reasons.set(c.id, { classification: "normal-node", reason: `short axis ${sa} mm < 10 mm: normal node` });
        continue;
      }
      if (sa < NODE_TARGET_SHORT_AXIS_MM) {
        reasons.set(c.id, { classification: "non-target", reason: `short axis ${sa} mm: pathological but not measurable (10 to < 15 mm)` });
        continue;
      }
    } else if (c.longAxisMm < minMm) {
      reasons.set(c.id, { classification: "non-target", reason: `longest diameter ${c.longAxisMm} mm < ${minMm} mm: not measurable` });
      continue;
    }
    if (c.reproducible === false) {
      reasons.set(c.id, { classification: "non-target", reason: "measurable but not reproducibly measurable" });
      continue;
    }
    measurable.push({ id: c.id, organKey: organKey(c.organ, c.isLymphNode), sizeMm: c.isLymphNode ? c.shortAxisMm! : c.longAxisMm });
  }
  const picked = new Set(pickLargestPerOrgan(measurable).map((m) => m.id));
  for (const m of measurable) {
    reasons.set(
      m.id,
      picked.has(m.id)
        ? { classification: "target", reason: `measurable, ${m.sizeMm} mm: among the largest in "${m.organKey}"` }
        : { classification: "non-target", reason: `measurable, but ${MAX_TARGETS} targets or ${MAX_TARGETS_PER_ORGAN} in "${m.organKey}" are already larger` },
    );
  }
  const list = candidates.map((c) => ({ id: c.id, ...reasons.get(c.id)! }));
  return {
    targets: measurable.filter((m) => picked.has(m.id)).sort((a, b) => b.sizeMm - a.sizeMm).map((m) => m.id),
    nonTargets: list.filter((r) => r.classification === "non-target").map((r) => r.id),
    normalNodes: list.filter((r) => r.classification === "normal-node").map((r) => r.id),
    reasons: list,
  };
}
