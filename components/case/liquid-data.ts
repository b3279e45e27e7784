/**
 * Shapes liquid-profiling results and their analysis for the liquid panel's single timeline:
 * one row per sample date (ctDNA VAF per variant, tumor markers), therapy lines as bands,
 * imaging timepoints with their response, and the flags (liquid rules and discordance) grouped by
 * date. Not-detected results are placed at their limit of detection and marked as such.
 */
import { responseTone } from "./response-data";
import type { LiquidAnalysisView, PanelData, Tone } from "./types";

type Sample = PanelData["liquidSamples"][number];
type Result = Sample["results"][number];

const DAY_MS = 86_400_000;
export const toTime = (isoDate: string) => Date.parse(`${isoDate}T00:00:00Z`);

export interface Series {
  /** Index-based data key of the rows ("v0", "m1"): analyte names hold dots that chart paths would split. */
  key: string;
  name: string;
  unit: string;
  /** Largest limit of detection reported for the analyte, in `unit`. */
  lod: number | null;
}

export type LiquidRow = { t: number; date: string } & Record<string, number | boolean | string | null>;

export interface FlagItem {
  date: string;
  kind: string;
  /** Short text for the chart marker and the list. */
  label: string;
  message: string;
  tone: Tone;
}

export interface LiquidTimeline {
  rows: LiquidRow[];
  variants: Series[];
  markers: Series[];
  bands: { label: string; x1: number; x2: number }[];
  imaging: { t: number; date: string; label: string; tone: Tone }[];
  flagGroups: { t: number; date: string; items: FlagItem[] }[];
  flags: FlagItem[];
  domain: [number, number];
  ticks: number[];
  /** Smallest and largest VAF to show (%), LODs included, for the axis domain. */
  vafRange: [number, number] | null;
}

const seriesName = (r: Result) => (r.kind === "variant" ? `${r.analyte} ${r.variant ?? ""}`.trim() : r.analyte);

function collectSeries(samples: Sample[], kinds: Result["kind"][], prefix: string): Series[] {
  const byName = new Map<string, Series>();
  for (const s of samples) {
    for (const r of s.results) {
      if (!kinds.includes(r.kind)) continue;
      const name = seriesName(r);
      const known = byName.get(name);
      if (!known) byName.set(name, { key: `${prefix}${byName.size}`, name, unit: r.unit, lod: r.lod });
      else if (r.lod !== null) known.lod = Math.max(known.lod ?? 0, r.lod);
    }
  }
  return [...byName.values()];
}

const FLAG_TEXT: Record<string, { label: (analyte?: string) => string; tone: Tone }> = {
  "molecular-response": { label: () => "Molecular response", tone: "good" },
  clearance: { label: () => "ctDNA clearance", tone: "good" },
  "molecular-progression": { label: () => "Molecular progression", tone: "bad" },
  "emerging-variant": { label: (a) => `${a ?? "Variant"} emerging`, tone: "bad" },
  "marker-rise": { label: (a) => `${a ?? "Marker"} rising (unconfirmed)`, tone: "warn" },
  "marker-progression": { label: (a) => `${a ?? "Marker"} progression`, tone: "bad" },
  discordance: { label: () => "Imaging/ctDNA discordance", tone: "warn" },
};

/** Liquid flags and discordances in date order, each with a short label and a tone. */
export function liquidFlags(analysis: LiquidAnalysisView | null): FlagItem[] {
  if (!analysis) return [];
  const items: FlagItem[] = [
    ...analysis.flags.map((f) => ({ date: f.date, kind: f.kind, label: FLAG_TEXT[f.kind]!.label(f.analyte), message: f.message, tone: FLAG_TEXT[f.kind]!.tone })),
    ...analysis.discordance.map((d) => ({ date: d.date, kind: "discordance", label: FLAG_TEXT.discordance!.label(), message: d.message, tone: FLAG_TEXT.discordance!.tone })),
  ];
  return items.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

/** First-of-month ticks across the domain; every third month over a long span. */
export function monthTicks([from, to]: [number, number]): number[] {
  const start = new Date(from);
  const months = (new Date(to).getUTCFullYear() - start.getUTCFullYear()) * 12 + new Date(to).getUTCMonth() - start.getUTCMonth();
  const step = months > 18 ? 3 : 1;
  const ticks: number[] = [];
  for (let m = 1; ; m += step) {
    const t = Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + m, 1);
    if (t > to) break;
    ticks.push(t);
  }
  return ticks;
}

export function liquidTimeline(input: {
  samples: Sample[];
  analysis: LiquidAnalysisView | null;
  therapyLines: { name: string; startDate: string; endDate: string | null }[];
  imaging: { date: string; response: string | null }[];
}): LiquidTimeline {
  const { samples, therapyLines, imaging } = input;
  const variants = collectSeries(samples, ["variant", "tumor-fraction"], "v");
  const markers = collectSeries(samples, ["marker"], "m");
  const rows: LiquidRow[] = samples.map((s) => {
    const row: LiquidRow = { t: toTime(s.date), date: s.date };
    for (const r of s.results) {
      const series = (r.kind === "marker" ? markers : variants).find((x) => x.name === seriesName(r))!;
      const nd = !r.detected || r.value === null;
      // Not detected: drawn at the limit of detection (or not at all without one), marked `nd`.
      row[series.key] = nd ? (r.lod ?? null) : r.value;
      row[`${series.key}nd`] = nd;
    }
    return row;
  });

  const dates = [...samples.map((s) => s.date), ...imaging.map((i) => i.date), ...therapyLines.map((l) => l.startDate)].map(toTime);
  const domain: [number, number] = dates.length ? [Math.min(...dates) - 14 * DAY_MS, Math.max(...dates) + 14 * DAY_MS] : [0, 1];
  const flags = liquidFlags(input.analysis);
  const groups = new Map<string, FlagItem[]>();
  for (const f of flags) groups.set(f.date, [...(groups.get(f.date) ?? []), f]);

  const vafs = rows.flatMap((r) => variants.map((v) => r[v.key]).filter((x): x is number => typeof x === "number" && x > 0));
  const lods = variants.map((v) => v.lod).filter((x): x is number => x !== null && x > 0);
  const all = [...vafs, ...lods];
  return {
    rows,
    variants,
    markers,
    bands: therapyLines.map((l) => ({ label: l.name, x1: Math.max(toTime(l.startDate), domain[0]), x2: l.endDate ? toTime(l.endDate) : domain[1] })),
    imaging: imaging.map((i, n) => {
      const label = n === 0 && i.response === null ? "Baseline" : (i.response ?? "NE");
      return { t: toTime(i.date), date: i.date, label, tone: responseTone(i.response) };
    }),
    flagGroups: [...groups].map(([date, items]) => ({ t: toTime(date), date, items })),
    flags,
    domain,
    ticks: monthTicks(domain),
    vafRange: all.length ? [Math.min(...all), Math.max(...all)] : null,
  };
}

export interface AnalyteSummary {
  name: string;
  kind: Result["kind"];
  unit: string;
  lod: number | null;
  first: { date: string; value: number | null; detected: boolean } | null;
  latest: { date: string; value: number | null; detected: boolean } | null;
  /** "doubling in 187 d" or "halving in 94 d"; null without a fitted trend. */
  trend: string | null;
  /** Why no trend was fitted. */
  trendNote: string | null;
}

/** Per analyte: first and latest result and the fitted doubling or halving time (SPEC L1). */
export function analyteSummaries(samples: Sample[], analysis: LiquidAnalysisView | null): AnalyteSummary[] {
  const names = new Map<string, AnalyteSummary>();
  for (const s of samples) {
    for (const r of s.results) {
      const name = seriesName(r);
      const point = { date: s.date, value: r.detected ? r.value : null, detected: r.detected };
      const known = names.get(name);
      if (known) {
        known.latest = point;
        if (r.lod !== null) known.lod = Math.max(known.lod ?? 0, r.lod);
      } else names.set(name, { name, kind: r.kind, unit: r.unit, lod: r.lod, first: point, latest: point, trend: null, trendNote: null });
    }
  }
  for (const t of analysis?.trends ?? []) {
    const a = names.get(t.analyte);
    if (!a) continue;
    a.trend =
      t.doublingTimeDays !== null ? `doubling in ${Math.round(t.doublingTimeDays)} d` : t.halvingTimeDays !== null ? `halving in ${Math.round(t.halvingTimeDays)} d` : null;
    a.trendNote = a.trend ? null : (t.reason ?? null);
  }
  return [...names.values()];
}

/** Labels sit this far (px) beside the line they label. */
export const LABEL_OFFSET = 4;

export interface LabelSlot {
  row: number;
  anchor: "start" | "end";
}

/**
 * Places labels at pixel positions into rows so that none overlap: each label goes into the first
 * row where it fits to the right of its position ("start"), else to the left ("end"), within
 * [0, width]. Labels that fit nowhere take the last row on the side with more room.
 */
export function packLabels(items: { x: number; width: number }[], width: number, rows: number, gap = 6): LabelSlot[] {
  const taken: [number, number][][] = Array.from({ length: rows }, () => []);
  const free = (row: number, a: number, b: number) => a >= 0 && b <= width && taken[row]!.every(([l, r]) => b + gap <= l || a >= r + gap);
  return items.map(({ x, width: w }) => {
    for (let row = 0; row < rows; row++) {
      for (const anchor of ["start", "end"] as const) {
        const [a, b] = anchor === "start" ? [x + LABEL_OFFSET, x + LABEL_OFFSET + w] : [x - LABEL_OFFSET - w, x - LABEL_OFFSET];
        if (free(row, a, b)) {
          taken[row]!.push([a, b]);
          return { row, anchor };
        }
      }
    }
    return { row: rows - 1, anchor: x > width / 2 ? "end" : "start" };
  });
}

/** Rough width of an 11 px label, for packing (px). */
export const labelWidth = (text: string) => text.length * 6.2 + 14;

/**
 * The flags that sum up the liquid picture in one line: every emerging variant, then the other
 * flags of the latest flagged date; discordance apart (it is stated beside, with its date).
 */
export function keyLiquidFlags(flags: FlagItem[]): { items: FlagItem[]; discordance: FlagItem | null } {
  const plain = flags.filter((f) => f.kind !== "discordance");
  const latest = plain.at(-1)?.date;
  const items = [...plain.filter((f) => f.kind === "emerging-variant"), ...plain.filter((f) => f.date === latest && f.kind !== "emerging-variant")];
  return { items, discordance: flags.filter((f) => f.kind === "discordance").at(-1) ?? null };
}
