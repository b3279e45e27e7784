/**
 * Rows of the heterogeneity panel's ITH table: per lesion, at its latest analysed timepoint, the
 * ITH score with its parts (mean local entropy from the analysis, the radiomics features beside it)
 * and the habitats' volume fractions.
 */
import type { CaseLesion, PanelData } from "./types";

export interface HabitatShare {
  label: number;
  /** 0-1. */
  volumeFraction: number;
  meanIntensity: number;
}

export interface IthRow {
  trackingId: string;
  date: string;
  /** 0-100; null when not scored (too small, or not analysed). */
  score: number | null;
  tooSmall: boolean;
  reason: string | null;
  meanEntropyBits: number | null;
  firstOrderEntropyBits: number | null;
  kurtosis: number | null;
  glcmJointEntropyBits: number | null;
  glszmZoneEntropyBits: number | null;
  habitats: HabitatShare[];
}

const num = (v: unknown): number | null => (typeof v === "number" && Number.isFinite(v) ? v : null);

function habitatsOf(geometry: Record<string, unknown> | null): HabitatShare[] {
  const list = geometry?.habitats;
  if (!Array.isArray(list)) return [];
  return list
    .map((h: Record<string, unknown>) => ({ label: num(h.label) ?? 0, volumeFraction: num(h.volumeFraction) ?? 0, meanIntensity: num(h.meanIntensity) ?? 0 }))
    .filter((h) => h.label > 0)
    .sort((a, b) => a.label - b.label);
}

/** One row per lesion that has an analysed timepoint (an ITH result in its geometry, or features). */
export function ithRows(lesions: CaseLesion[], radiomics: PanelData["radiomics"]): IthRow[] {
  return lesions.flatMap((l) => {
    const m = [...l.measurements].reverse().find((x) => x.present && (x.geometry?.ith || radiomics.some((r) => r.trackingId === l.trackingId && r.timepointId === x.timepointId)));
    if (!m) return [];
    const ith = (m.geometry?.ith ?? {}) as Record<string, unknown>;
    const f = radiomics.find((r) => r.trackingId === l.trackingId && r.timepointId === m.timepointId);
    return [
      {
        trackingId: l.trackingId,
        date: m.date,
        score: m.ithScore ?? num(ith.score),
        tooSmall: m.tooSmallForTexture || ith.tooSmall === true,
        reason: typeof ith.reason === "string" ? ith.reason : null,
        meanEntropyBits: num(ith.meanEntropyBits),
        firstOrderEntropyBits: f?.firstOrderEntropyBits ?? null,
        kurtosis: f?.kurtosis ?? null,
        glcmJointEntropyBits: f?.glcmJointEntropyBits ?? null,
        glszmZoneEntropyBits: f?.glszmZoneEntropyBits ?? null,
        habitats: habitatsOf(m.geometry),
      },
    ];
  });
}

export type AnalysisState = { state: "done" } | { state: "running"; done: number; total: number } | { state: "failed"; failed: number; total: number; error: string | null } | { state: "none" };

/** What the scan analyses are doing, from the per-timepoint jobs. */
export function analysisState(jobs: { status: string; error: string | null }[]): AnalysisState {
  if (jobs.length === 0) return { state: "none" };
  const open = jobs.filter((j) => j.status === "queued" || j.status === "running").length;
  if (open > 0) return { state: "running", done: jobs.length - open, total: jobs.length };
  const failed = jobs.filter((j) => j.status === "failed");
  if (failed.length > 0) return { state: "failed", failed: failed.length, total: jobs.length, error: failed[0]!.error };
  return { state: "done" };
}
