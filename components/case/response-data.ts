/**
 * Shapes the stored response assessment (RECIST 1.1 / iRECIST per timepoint, with per-lesion
 * changes) for the response panel: table rows, spider series, waterfall bars and the mixed-response
 * explanation. The thresholds are the ones of the response SPEC (R18, DESIGN §2.4); nothing here
 * recomputes a response.
 */
import { daysBetween } from "@/components/ui/format";
import type { ChangeCategory, RecistTimepointResult, ResponseAnalysis, Tone } from "./types";

type LesionChange = RecistTimepointResult["lesions"][number];

/** Per-lesion bars of DESIGN §2.4: -30 % from baseline (shrinking), +20 % and +5 mm from nadir (growing). */
export const SHRINK_PCT = -30;
export const GROW_PCT = 20;
export const GROW_MM = 5;

/** A lesion's direction at one timepoint, by the per-lesion bars of the mixed-response rule (R18). */
export function changeCategory(c: LesionChange): ChangeCategory {
  if (c.changeFromBaselinePct === null) return c.sizeMm === 0 ? "gone" : "new";
  if (c.sizeMm === 0) return "gone";
  if ((c.changeFromNadirPct ?? 0) >= GROW_PCT && (c.changeFromNadirMm ?? 0) >= GROW_MM) return "growing";
  if (c.changeFromBaselinePct <= SHRINK_PCT) return "shrinking";
  return "stable";
}

/** Tone of a response label: responses good, unconfirmed progression (iUPD) warn, progression bad. */
export function responseTone(label: string | null): Tone {
  if (!label) return "neutral";
  if (/^i?(CR|PR)$/.test(label)) return "good";
  if (label === "iUPD") return "warn";
  if (/^(PD|iCPD)$/.test(label)) return "bad";
  return "neutral";
}

/** The assessment the board reads: iRECIST under immunotherapy, else RECIST 1.1. */
export function primaryTimepoints(response: ResponseAnalysis): RecistTimepointResult[] {
  return (response.primary === "irecist" ? response.irecist : null) ?? response.recist;
}

export interface RecistRow {
  id: string;
  date: string;
  /** Days from the start of therapy (negative before it); null without a therapy line. */
  day: number | null;
  sumMm: number | null;
  changeFromBaselinePct: number | null;
  changeFromNadirPct: number | null;
  target: string | null;
  nonTarget: string | null;
  newLesions: boolean;
  /** RECIST 1.1 overall response. */
  recist: string | null;
  /** iRECIST overall response, when the case is read with iRECIST. */
  irecist: string | null;
  mixedResponse: boolean;
  notes: string[];
}

export function recistRows(response: ResponseAnalysis, therapyStart: string | null): RecistRow[] {
  const irecistById = new Map((response.irecist ?? []).map((t) => [t.id, t]));
  return response.recist.map((t) => {
    const i = irecistById.get(t.id);
    return {
      id: t.id,
      date: t.date,
      day: therapyStart ? daysBetween(therapyStart, t.date) : null,
      sumMm: t.sumMm,
      changeFromBaselinePct: t.changeFromBaselinePct,
      changeFromNadirPct: t.changeFromNadirPct,
      target: t.targetResponse,
      nonTarget: t.nonTargetResponse,
      newLesions: t.newLesions,
      recist: t.overallResponse,
      irecist: i ? i.overallResponse : null,
      mixedResponse: (i ?? t).mixedResponse,
      notes: i ? i.notes : t.notes,
    };
  });
}

export interface SpiderPoint {
  day: number;
  date: string;
  pct: number;
}

export interface SpiderSeries {
  lesionId: string;
  kind: LesionChange["kind"];
  points: SpiderPoint[];
  /** Direction at the lesion's latest assessment; colours the line. */
  category: ChangeCategory;
  latestPct: number;
}

export interface NewLesionMark {
  lesionId: string;
  day: number;
  date: string;
  sizeMm: number;
}

/** x of the spider plot: days from therapy start, or from baseline without a therapy line. */
function dayOf(date: string, origin: string): number {
  return daysBetween(origin, date);
}

/**
 * One series per lesion with a baseline size: % change from baseline at every timepoint where it
 * was assessed. New lesions have no baseline and come back as marks at their first appearance.
 */
export function spiderData(timepoints: RecistTimepointResult[], therapyStart: string | null): { series: SpiderSeries[]; newLesions: NewLesionMark[] } {
  const origin = therapyStart ?? timepoints[0]?.date;
  if (!origin) return { series: [], newLesions: [] };
  const byLesion = new Map<string, SpiderSeries>();
  const newLesions = new Map<string, NewLesionMark>();
  for (const tp of timepoints) {
    for (const c of tp.lesions) {
      const day = dayOf(tp.date, origin);
      if (c.changeFromBaselinePct === null) {
        if (c.sizeMm > 0 && !newLesions.has(c.lesionId)) newLesions.set(c.lesionId, { lesionId: c.lesionId, day, date: tp.date, sizeMm: c.sizeMm });
        continue;
      }
      let s = byLesion.get(c.lesionId);
      if (!s) {
        s = { lesionId: c.lesionId, kind: c.kind, points: [], category: "stable", latestPct: 0 };
        byLesion.set(c.lesionId, s);
      }
      s.points.push({ day, date: tp.date, pct: c.changeFromBaselinePct });
      s.category = changeCategory(c);
      s.latestPct = c.changeFromBaselinePct;
    }
  }
  return { series: [...byLesion.values()], newLesions: [...newLesions.values()] };
}

export interface WaterfallBar {
  lesionId: string;
  kind: LesionChange["kind"];
  /** Best (lowest) % change from baseline over the follow-ups. */
  bestPct: number;
  latestPct: number;
  /** Colour of the bar: the best change against -30 % / +20 %. */
  category: "shrinking" | "stable" | "growing";
  /** Direction at the latest assessment (a lesion can shrink first and grow later). */
  latestCategory: ChangeCategory;
}

/** Best change per lesion with a baseline, largest increase first (the usual waterfall order). */
export function waterfallBars(timepoints: RecistTimepointResult[]): WaterfallBar[] {
  const bars = new Map<string, WaterfallBar>();
  for (const tp of timepoints.slice(1)) {
    for (const c of tp.lesions) {
      if (c.changeFromBaselinePct === null) continue;
      const pct = c.changeFromBaselinePct;
      const prev = bars.get(c.lesionId);
      const best = prev ? Math.min(prev.bestPct, pct) : pct;
      bars.set(c.lesionId, {
        lesionId: c.lesionId,
        kind: c.kind,
        bestPct: best,
        latestPct: pct,
        category: best <= SHRINK_PCT ? "shrinking" : best >= GROW_PCT ? "growing" : "stable",
        latestCategory: changeCategory(c),
      });
    }
  }
  return [...bars.values()].sort((a, b) => b.bestPct - a.bestPct || (a.lesionId < b.lesionId ? -1 : 1));
}

export interface MixedResponseNote {
  date: string;
  shrinking: { lesionId: string; pct: number }[];
  growing: { lesionId: string; pctFromNadir: number; mmFromNadir: number }[];
  newLesions: string[];
}

/** Why a timepoint is a mixed response (R18): which lesions shrink, which grow, which are new. */
export function mixedResponseNotes(timepoints: RecistTimepointResult[]): MixedResponseNote[] {
  return timepoints
    .filter((t) => t.mixedResponse)
    .map((t) => ({
      date: t.date,
      shrinking: t.lesions.filter((c) => changeCategory(c) === "shrinking").map((c) => ({ lesionId: c.lesionId, pct: c.changeFromBaselinePct! })),
      growing: t.lesions
        .filter((c) => changeCategory(c) === "growing")
        .map((c) => ({ lesionId: c.lesionId, pctFromNadir: c.changeFromNadirPct!, mmFromNadir: c.changeFromNadirMm! })),
      newLesions: t.lesions.filter((c) => changeCategory(c) === "new").map((c) => c.lesionId),
    }));
}
