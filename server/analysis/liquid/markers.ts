/**
 * Serum tumor-marker progression (SPEC L8): a value at least 25 % above the nadir (plus a
 * marker-specific absolute rise where one is configured) is a rise; the next value still above
 * the bar confirms it as marker progression.
 */
import type { LiquidFlag, LiquidResult, MarkerPoint } from "./types";

const EPS = 1e-9;

export interface MarkerThresholds {
  markerProgressionIncreasePct: number;
  markerMinAbsoluteRise: Record<string, { value: number; unit: string }>;
}

// ng/mL and µg/L are the same quantity; labs write either.
const sameUnit = (a: string, b: string) => {
  const norm = (u: string) => u.trim().toLowerCase().replace("µ", "u").replace("μ", "u").replace("ug/l", "ng/ml");
  return norm(a) === norm(b);
};

/**
 * Points and flags for one marker's results (date-ordered, one per date). A result below the
 * limit of detection counts as the LOD; without a LOD it is left out of the rules.
 */
export function markerSeries(results: LiquidResult[], t: MarkerThresholds): { points: Map<string, MarkerPoint>; flags: LiquidFlag[] } {
  const points = new Map<string, MarkerPoint>();
  const flags: LiquidFlag[] = [];
  if (!results.length) return { points, flags };
  const { analyte, unit } = results[0]!;
  const floor = t.markerMinAbsoluteRise[analyte];
  const minRise = floor && sameUnit(floor.unit, unit) ? floor.value : 0;
  let nadir: number | null = null;
  let riseDate: string | null = null;
  let confirmed = false;
  for (const r of results) {
    const value = r.detected ? r.value : r.lod;
    const elevated =
      value !== null &&
      nadir !== null &&
      value > nadir &&
      value >= nadir * (1 + t.markerProgressionIncreasePct / 100) - EPS &&
      value - nadir >= minRise - EPS;
    points.set(r.date, {
      analyte,
      unit,
      value,
      nadir,
      changeFromNadirPct: value === null || !nadir ? null : ((value - nadir) / nadir) * 100,
      elevated,
    });
    if (value === null) continue;
    if (!elevated) {
      riseDate = null;
      confirmed = false;
    } else if (riseDate === null) {
      riseDate = r.date;
      flags.push({ kind: "marker-rise", date: r.date, analyte, message: `${analyte} ${value} ${unit}: ${(((value - nadir!) / nadir!) * 100).toFixed(0)}% above its nadir ${nadir} ${unit}, to be confirmed by the next value` });
    } else if (!confirmed) {
      confirmed = true;
      flags.push({ kind: "marker-progression", date: r.date, analyte, onsetDate: riseDate, message: `${analyte} progression confirmed: ${value} ${unit}, still at least ${t.markerProgressionIncreasePct}% above its nadir ${nadir} ${unit} since ${riseDate}` });
    }
    nadir = nadir === null ? value : Math.min(nadir, value);
  }
  return { points, flags };
}
