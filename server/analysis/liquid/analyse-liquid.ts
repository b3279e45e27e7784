/**
 * Liquid-profiling analysis for one patient (DESIGN.md §2.5): ctDNA response, clearance,
 * progression and emerging variants, tumor-marker progression and per-analyte trends.
 */
import { z } from "zod";
import { AnalysisError } from "../errors";
import { markerSeries } from "./markers";
import { ctdnaStates } from "./molecular";
import { logLinearTrend } from "./trends";
import type { LiquidAnalysis, LiquidFlag, LiquidOptions, LiquidResult, LiquidTimepoint, Trend } from "./types";
import { crossResultProblems, resultProblems } from "./validate-results";

/** Defaults of SPEC.md L1-L8. */
export const LIQUID_DEFAULTS: Required<LiquidOptions> = {
  molecularResponseDecreasePct: 50,
  molecularProgressionFold: 2,
  markerProgressionIncreasePct: 25,
  markerMinAbsoluteRise: { PSA: { value: 2, unit: "ng/mL" } },
  trendPoints: 3,
};

const MAX_RESULTS = 10_000;

const resultSchema = z.strictObject({
  date: z.string(),
  analyteType: z.enum(["variant", "marker", "tumor_fraction"]),
  analyte: z.string().max(128),
  gene: z.string().max(32).nullable(),
  variant: z.string().max(128).nullable(),
  value: z.number().nullable(),
  unit: z.string().max(32),
  lod: z.number().nullable(),
  detected: z.boolean(),
});

function checkOptions(opts: LiquidOptions): Required<LiquidOptions> {
  const o = { ...LIQUID_DEFAULTS, ...opts };
  const bad = (name: string, rule: string) => {
    throw new AnalysisError("INVALID_SETTINGS", `${name} must be ${rule}`);
  };
  if (!(o.molecularResponseDecreasePct > 0 && o.molecularResponseDecreasePct < 100)) bad("molecularResponseDecreasePct", "above 0 and below 100");
  if (!(o.molecularProgressionFold > 1 && o.molecularProgressionFold <= 100)) bad("molecularProgressionFold", "above 1 and at most 100");
  if (!(o.markerProgressionIncreasePct > 0 && o.markerProgressionIncreasePct <= 1000)) bad("markerProgressionIncreasePct", "above 0 and at most 1000");
  if (!(Number.isInteger(o.trendPoints) && o.trendPoints >= 3 && o.trendPoints <= 50)) bad("trendPoints", "an integer from 3 to 50");
  for (const [name, floor] of Object.entries(o.markerMinAbsoluteRise)) {
    if (!(Number.isFinite(floor.value) && floor.value >= 0) || typeof floor.unit !== "string") bad(`markerMinAbsoluteRise.${name}`, "{ value >= 0, unit }");
  }
  return o;
}

/** Throws AnalysisError("INVALID_INPUT") naming `samples[i]` for the first inconsistent result. */
export function validateLiquidResults(samples: unknown): LiquidResult[] {
  const parsed = z.array(resultSchema).max(MAX_RESULTS).safeParse(samples);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const path = issue.path.map((k) => (typeof k === "number" ? `[${k}]` : `.${String(k)}`)).join("");
    throw new AnalysisError("INVALID_INPUT", `samples${path}: ${issue.message}`);
  }
  const results: LiquidResult[] = parsed.data;
  results.forEach((r, i) => {
    const problems = resultProblems(r);
    if (problems.length) throw new AnalysisError("INVALID_INPUT", `samples[${i}]: ${problems.join("; ")}`);
  });
  const cross = crossResultProblems(results, (i) => `samples[${i}]`);
  for (const [i, problem] of cross) throw new AnalysisError("INVALID_INPUT", `samples[${i}]: ${problem}`);
  return results;
}

/**
 * Analyses a patient's liquid-profiling results (any order).
 * @returns one timepoint per result date (ctDNA state, marker points, that day's flags), one trend
 *   per analyte, and all flags in date order
 * @throws AnalysisError INVALID_INPUT (naming `samples[i]`) or INVALID_SETTINGS
 */
export function analyseLiquid(samples: LiquidResult[], opts: LiquidOptions = {}): LiquidAnalysis {
  const o = checkOptions(opts);
  const results = [...validateLiquidResults(samples)].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const ctdna = ctdnaStates(results, o);
  const flags: LiquidFlag[] = [...ctdna.flags];
  const markerPoints = new Map<string, LiquidTimepoint["markers"]>();
  const trends: Trend[] = [];
  const analytes = [...new Set(results.map((r) => r.analyte))].sort();
  for (const analyte of analytes) {
    const series = results.filter((r) => r.analyte === analyte);
    const first = series[0]!;
    const fit = logLinearTrend(series.map((r) => ({ date: r.date, value: r.detected ? r.value : null })), o.trendPoints);
    trends.push({ analyte, analyteType: first.analyteType, unit: first.unit, ...fit });
    if (first.analyteType !== "marker") continue;
    const m = markerSeries(series, o);
    flags.push(...m.flags);
    for (const [date, point] of m.points) {
      if (!markerPoints.has(date)) markerPoints.set(date, []);
      markerPoints.get(date)!.push(point);
    }
  }
  flags.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const dates = [...new Set(results.map((r) => r.date))];
  const timepoints = dates.map((date) => ({
    date,
    ctdna: ctdna.states.get(date) ?? null,
    markers: markerPoints.get(date) ?? [],
    flags: flags.filter((f) => f.date === date),
  }));
  return { timepoints, trends, flags };
}
