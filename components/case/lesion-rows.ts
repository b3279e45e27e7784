/**
 * Rows of the lesions panel: each lesion's latest size, its change from baseline and from its
 * nadir (as the response assessment computed them), ITH, phenotype and RECIST role, with the size
 * series for the sparkline; and the table's sort.
 */
import { changeCategory } from "./response-data";
import type { CaseLesion, ChangeCategory, RecistTimepointResult } from "./types";

export interface LesionRow {
  trackingId: string;
  /** Segmentation label: the default order. */
  label: number;
  site: string;
  isLymphNode: boolean;
  role: CaseLesion["recistRole"];
  /** RECIST size at the latest timepoint (short axis for nodes), mm; 0 when gone; null if unmeasured. */
  sizeMm: number | null;
  latestDate: string | null;
  changeFromBaselinePct: number | null;
  changeFromNadirPct: number | null;
  category: ChangeCategory | null;
  /** ITH score 0-100 at the latest analysed timepoint; null when not scored. */
  ith: number | null;
  tooSmallForTexture: boolean;
  phenotype: string | null;
  /** RECIST size per timepoint for the sparkline (mm, 0 when gone). */
  series: { date: string; sizeMm: number }[];
}

const sizeOf = (l: CaseLesion, m: CaseLesion["measurements"][number]): number | null =>
  !m.present ? 0 : l.isLymphNode ? (m.shortAxisMm ?? m.longAxisMm) : m.longAxisMm;

export function lesionRows(lesions: CaseLesion[], assessed: RecistTimepointResult[], phenotypeOf: (trackingId: string) => string | null): LesionRow[] {
  const latestTp = assessed.at(-1);
  return lesions.map((l) => {
    const latest = l.measurements.at(-1);
    const change = latestTp?.lesions.find((c) => c.lesionId === l.trackingId);
    const scored = [...l.measurements].reverse().find((m) => m.present && (m.ithScore !== null || m.tooSmallForTexture));
    return {
      trackingId: l.trackingId,
      label: l.label,
      site: l.site,
      isLymphNode: l.isLymphNode,
      role: l.recistRole,
      sizeMm: latest ? sizeOf(l, latest) : null,
      latestDate: latest?.date ?? null,
      changeFromBaselinePct: change?.changeFromBaselinePct ?? null,
      changeFromNadirPct: change?.changeFromNadirPct ?? null,
      category: change ? changeCategory(change) : null,
      ith: scored?.ithScore ?? null,
      tooSmallForTexture: scored?.tooSmallForTexture ?? false,
      phenotype: phenotypeOf(l.trackingId),
      series: l.measurements.flatMap((m) => {
        const s = sizeOf(l, m);
        return s === null ? [] : [{ date: m.date, sizeMm: s }];
      }),
    };
  });
}

export type SortKey = "lesion" | "site" | "size" | "baseline" | "nadir" | "ith" | "phenotype" | "role";
export type SortDir = "asc" | "desc";

const ROLE_ORDER: Record<CaseLesion["recistRole"], number> = { target: 0, "non-target": 1, new: 2, "non-measurable": 3 };

function keyOf(r: LesionRow, key: SortKey): number | string | null {
  switch (key) {
    case "lesion":
      return r.label;
    case "site":
      return r.site.toLowerCase();
    case "size":
      return r.sizeMm;
    case "baseline":
      return r.changeFromBaselinePct;
    case "nadir":
      return r.changeFromNadirPct;
    case "ith":
      return r.ith;
    case "phenotype":
      return r.phenotype?.toLowerCase() ?? null;
    case "role":
      return ROLE_ORDER[r.role];
  }
}

/** Sorted copy; rows without a value go last in either direction, ties keep label order. */
export function sortLesionRows(rows: LesionRow[], key: SortKey, dir: SortDir): LesionRow[] {
  const sign = dir === "asc" ? 1 : -1;
  return [...rows].sort((a, b) => {
    const x = keyOf(a, key);
    const y = keyOf(b, key);
    if (x === null || y === null) return x === y ? a.label - b.label : x === null ? 1 : -1;
    if (x < y) return -sign;
    if (x > y) return sign;
    return a.label - b.label;
  });
}

/** The direction a column sorts first: numbers of change and scores largest first, text A-Z. */
export function defaultDir(key: SortKey): SortDir {
  return key === "size" || key === "baseline" || key === "nadir" || key === "ith" ? "desc" : "asc";
}
