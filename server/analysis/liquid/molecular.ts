/**
 * ctDNA rules (SPEC L2-L7): mean VAF of the baseline variants, molecular response, clearance,
 * molecular progression and emerging variants, per date with variant results.
 */
import type { CtdnaState, LiquidFlag, LiquidResult, MolecularStatus } from "./types";

const EPS = 1e-9;
const fmt = (v: number) => `${Number(v.toFixed(2))}%`;

export interface CtdnaThresholds {
  molecularResponseDecreasePct: number;
  molecularProgressionFold: number;
}

/**
 * The ctDNA state on every date with variant results, in date order, and the flags raised on the
 * way. Baseline is the first such date. `results` must be validated (one result per analyte/date).
 */
export function ctdnaStates(results: LiquidResult[], t: CtdnaThresholds): { states: Map<string, CtdnaState>; flags: LiquidFlag[] } {
  const variants = results.filter((r) => r.analyteType === "variant");
  const dates = [...new Set(variants.map((r) => r.date))].sort();
  const analytes = [...new Set(variants.map((r) => r.analyte))].sort();
  const byDate = new Map<string, Map<string, LiquidResult>>();
  for (const r of variants) {
    if (!byDate.has(r.date)) byDate.set(r.date, new Map());
    byDate.get(r.date)!.set(r.analyte, r);
  }
  const states = new Map<string, CtdnaState>();
  const flags: LiquidFlag[] = [];
  if (!dates.length) return { states, flags };

  const detectedOn = (date: string, analyte: string): number | null => {
    const r = byDate.get(date)!.get(analyte);
    return r?.detected ? r.value : null;
  };
  const baselineDate = dates[0]!;
  const baselineSet = analytes.filter((a) => detectedOn(baselineDate, a) !== null);
  const meanOn = (date: string): number | null =>
    baselineSet.length ? baselineSet.reduce((acc, a) => acc + (detectedOn(date, a) ?? 0), 0) / baselineSet.length : null;
  const baselineMean = meanOn(baselineDate);
  const everDetected = new Set<string>();
  const means: number[] = [];
  let previous: MolecularStatus = "baseline";

  for (const date of dates) {
    const detected = analytes.filter((a) => detectedOn(date, a) !== null);
    const mean = meanOn(date);
    const nadir = means.length ? Math.min(...means) : null;
    const emerged = detected.filter((a) => !baselineSet.includes(a));
    const newlyEmerged = date === baselineDate ? [] : emerged.filter((a) => !everDetected.has(a));
    let status: MolecularStatus;
    if (date === baselineDate) status = "baseline";
    else if (detected.length === 0 && everDetected.size > 0) status = "clearance"; // L5
    else if (mean === null || baselineMean === null) status = "no-baseline-variants";
    else if (
      // L6: twice the nadir, with at least one baseline variant above its limit of detection.
      nadir !== null &&
      mean >= t.molecularProgressionFold * nadir - EPS &&
      baselineSet.some((a) => detectedOn(date, a) !== null)
    )
      status = "progression";
    else if (mean <= baselineMean * (1 - t.molecularResponseDecreasePct / 100) + EPS) status = "response"; // L4
    else status = "stable";

    const change = mean === null || !baselineMean ? null : ((mean - baselineMean) / baselineMean) * 100;
    const meanText = `mean VAF of ${baselineSet.length} baseline variant(s) ${mean === null ? "-" : fmt(mean)}`;
    if (status === "response" && previous !== "response" && previous !== "clearance") {
      flags.push({ kind: "molecular-response", date, message: `Molecular response: ${meanText}, ${change!.toFixed(0)}% from baseline ${fmt(baselineMean!)}` });
    }
    if (status === "clearance" && previous !== "clearance") {
      flags.push({ kind: "clearance", date, message: "ctDNA clearance: no variant detected above its limit of detection" });
    }
    if (status === "progression" && previous !== "progression") {
      flags.push({ kind: "molecular-progression", date, message: `Molecular progression: ${meanText}, ${(mean! / nadir!).toFixed(1)}x its nadir ${fmt(nadir!)}` });
    }
    for (const a of newlyEmerged) {
      flags.push({ kind: "emerging-variant", date, analyte: a, message: `Emerging variant ${a} (${fmt(detectedOn(date, a)!)}), not detected at baseline ${baselineDate}` });
    }
    states.set(date, {
      meanVafPercent: mean,
      changeFromBaselinePct: change,
      nadirMeanVafPercent: nadir,
      status,
      detectedVariants: detected,
      emergedVariants: emerged,
      newlyEmerged,
      assumedNotDetected: analytes.filter((a) => !byDate.get(date)!.has(a)),
    });
    detected.forEach((a) => everDetected.add(a));
    if (mean !== null) means.push(mean);
    previous = status;
  }
  return { states, flags };
}
