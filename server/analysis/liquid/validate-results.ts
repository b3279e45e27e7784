/**
 * Checks of liquid-profiling results shared by the importers and `analyseLiquid`: per-result
 * consistency (SPEC C4) and across results (one per analyte and date, one unit per analyte).
 */
import { isIsoDate } from "../response/iso-date";
import type { LiquidResult } from "./types";

const MAX_MARKER_VALUE = 1e7;

/** Problems with one result, as short phrases; empty when it is consistent. */
export function resultProblems(r: LiquidResult): string[] {
  const problems: string[] = [];
  if (!isIsoDate(r.date)) problems.push(`date "${r.date}" is not a valid YYYY-MM-DD date`);
  const percent = r.analyteType !== "marker";
  const max = percent ? 100 : MAX_MARKER_VALUE;
  if (r.analyteType === "variant" && (!r.gene || !r.variant)) problems.push("a variant needs gene and variant");
  if (r.analyteType !== "variant" && (r.gene || r.variant)) problems.push("gene and variant are only for variants");
  if (percent && r.unit !== "%") problems.push(`unit must be "%" for ${r.analyteType}`);
  if (!r.analyte) problems.push("analyte is required");
  if (r.detected && r.value === null) problems.push("a detected result needs a value");
  if (!r.detected && r.value !== null) problems.push("a result not detected has no value (give the limit in lod)");
  for (const [name, v] of [["value", r.value], ["lod", r.lod]] as const) {
    if (v !== null && (!Number.isFinite(v) || v < 0 || v > max)) problems.push(`${name} must be from 0 to ${max}`);
  }
  if (r.detected && r.value !== null && r.lod !== null && r.value < r.lod) {
    problems.push(`value ${r.value} is below lod ${r.lod} but detected is true`);
  }
  return problems;
}

/**
 * Cross-result problems, keyed by the index of the later result: the same analyte twice on one
 * date, or an analyte reported in two units (values in different units cannot share a nadir).
 * `label` names an earlier result in the message (a CSV line, a bundle entry).
 */
export function crossResultProblems(results: LiquidResult[], label: (index: number) => string): Map<number, string> {
  const problems = new Map<number, string>();
  const seen = new Map<string, number>();
  const units = new Map<string, { unit: string; index: number }>();
  results.forEach((r, i) => {
    const key = `${r.date}\u0000${r.analyte}`;
    const first = seen.get(key);
    if (first !== undefined) problems.set(i, `${r.analyte} on ${r.date} is already given (${label(first)})`);
    else seen.set(key, i);
    const u = units.get(r.analyte);
    if (u && u.unit !== r.unit) problems.set(i, `${r.analyte} in "${r.unit}" but ${label(u.index)} uses "${u.unit}"`);
    else if (!u) units.set(r.analyte, { unit: r.unit, index: i });
  });
  return problems;
}
