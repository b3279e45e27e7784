"use client";
/**
 * The lesions panel: a sortable table of the case's lesions with size, change from baseline and
 * nadir, ITH, phenotype and RECIST role, and a size sparkline. A row selects its lesion in every
 * panel and on the lesion map.
 */
import { useMemo, useState } from "react";
import { Card } from "@/components/ui/card";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { formatChangePct, formatDate, formatMm } from "@/components/ui/format";
import { SelectableLesionRow } from "@/components/viewer/selection";
import { CATEGORY_COLOUR, CATEGORY_TEXT } from "./chart-theme";
import { defaultDir, sortLesionRows, type LesionRow, type SortDir, type SortKey } from "./lesion-rows";
import { Sparkline } from "./sparkline";

const roleTone = { target: "accent", "non-target": "neutral", new: "bad", "non-measurable": "neutral" } as const;

/** `wide`: shown only when the panel is wide; narrow panels show the RECIST role under the site. */
const COLUMNS: { key: SortKey | null; label: string; unit?: string; align?: "right"; wide?: boolean }[] = [
  { key: "lesion", label: "Lesion" },
  { key: "site", label: "Site" },
  { key: "size", label: "Size", align: "right" },
  { key: "baseline", label: "vs baseline", align: "right" },
  { key: "nadir", label: "vs nadir", align: "right" },
  { key: "ith", label: "ITH", unit: "0-100", align: "right" },
  { key: "phenotype", label: "Phenotype" },
  { key: "role", label: "RECIST", wide: true },
  { key: null, label: "Trend" },
];

function changeClass(pct: number | null, kind: "baseline" | "nadir"): string {
  if (pct === null) return "text-faint";
  if (kind === "baseline") return pct <= -30 ? "text-good" : pct >= 20 ? "text-bad" : "";
  return pct >= 20 ? "text-bad font-medium" : "";
}

export function LesionsPanel({ rows, phenotypeColours }: { rows: LesionRow[]; phenotypeColours: Record<string, string> }) {
  const [sort, setSort] = useState<{ key: SortKey; dir: SortDir }>({ key: "lesion", dir: "asc" });
  const sorted = useMemo(() => sortLesionRows(rows, sort.key, sort.dir), [rows, sort]);
  if (rows.length === 0) {
    return (
      <Card title="Lesions" testId="lesions">
        <EmptyState title="No lesions recorded">Lesions appear here when a timepoint&apos;s segmentation has been analysed.</EmptyState>
      </Card>
    );
  }
  const toggle = (key: SortKey) => setSort((s) => (s.key === key ? { key, dir: s.dir === "asc" ? "desc" : "asc" } : { key, dir: defaultDir(key) }));
  return (
    <Card title="Lesions" testId="lesions" actions={<span className="text-xs text-faint">Click a row to show the lesion on the map</span>}>
      <div className="@container overflow-x-auto">
        <table aria-label="Lesions with latest size, change, ITH and phenotype" className="w-full border-collapse text-sm [&_td]:px-1.5 @3xl:[&_td]:px-2 [&_th]:px-1.5 @3xl:[&_th]:px-2">
          <thead>
            <tr>
              {COLUMNS.map((c) => {
                const active = c.key !== null && sort.key === c.key;
                return (
                  <th
                    key={c.label}
                    scope="col"
                    aria-sort={active ? (sort.dir === "asc" ? "ascending" : "descending") : undefined}
                    className={`border-b border-line py-1.5 align-bottom text-xs font-medium text-muted ${c.align === "right" ? "text-right" : "text-left"} ${c.wide ? "hidden @3xl:table-cell" : ""}`}
                  >
                    {c.key ? (
                      <button type="button" onClick={() => toggle(c.key!)} className={`rounded hover:text-ink ${c.align === "right" ? "text-right" : "text-left"} ${active ? "text-ink" : ""}`}>
                        {c.label}
                        {c.unit && <span className="ml-1 font-normal text-faint">{c.unit}</span>}
                        {active && <span aria-hidden className="ml-1 text-faint">{sort.dir === "asc" ? "▲" : "▼"}</span>}
                      </button>
                    ) : (
                      c.label
                    )}
                  </th>
                );
              })}
            </tr>
          </thead>
          <tbody>
            {sorted.map((r) => (
              <SelectableLesionRow key={r.trackingId} trackingId={r.trackingId}>
                <td className="border-b border-line/60 py-1.5 font-semibold">{r.trackingId}</td>
                <td className="max-w-[9rem] border-b border-line/60 py-1.5 @3xl:max-w-[14rem]">
                  <span className="block truncate" title={r.site}>
                    {r.site}
                  </span>
                  <span className="text-xs text-faint">
                    {r.isLymphNode && "node · short axis"}
                    <span className="@3xl:hidden">
                      {r.isLymphNode && " · "}
                      {r.role}
                    </span>
                  </span>
                </td>
                <td className="tabular border-b border-line/60 py-1.5 text-right whitespace-nowrap">
                  {r.sizeMm === 0 ? <span className="text-good">gone</span> : formatMm(r.sizeMm)}
                </td>
                <td className={`tabular border-b border-line/60 py-1.5 text-right whitespace-nowrap ${changeClass(r.changeFromBaselinePct, "baseline")}`}>
                  {r.category === "new" ? <span className="text-bad">new</span> : formatChangePct(r.changeFromBaselinePct)}
                </td>
                <td className={`tabular border-b border-line/60 py-1.5 text-right whitespace-nowrap ${changeClass(r.changeFromNadirPct, "nadir")}`}>{formatChangePct(r.changeFromNadirPct)}</td>
                <td className="tabular border-b border-line/60 py-1.5 text-right whitespace-nowrap">
                  {r.tooSmallForTexture ? (
                    <span className="text-xs text-faint" title="Under 64 voxels: too small for texture, not scored">
                      too small
                    </span>
                  ) : r.ith === null ? (
                    <span className="text-faint" title="Not scored yet: the scan has not been analysed">
                      —
                    </span>
                  ) : (
                    `${Math.round(r.ith)} / 100`
                  )}
                </td>
                <td className="max-w-[8rem] border-b border-line/60 py-1.5 @3xl:max-w-none" title={r.phenotype ?? undefined}>
                  {r.phenotype ? (
                    <span className="flex items-center gap-1.5">
                      <span aria-hidden className="inline-block size-2.5 shrink-0 rounded-full" style={{ background: phenotypeColours[r.trackingId] }} />
                      <span className="truncate">{r.phenotype}</span>
                    </span>
                  ) : (
                    <span className="text-faint">—</span>
                  )}
                </td>
                <td className="hidden border-b border-line/60 py-1.5 @3xl:table-cell">
                  <Badge tone={roleTone[r.role]}>{r.role}</Badge>
                </td>
                <td className="border-b border-line/60 py-1" title={r.category ? CATEGORY_TEXT[r.category] : undefined}>
                  <Sparkline series={r.series} colour={r.category ? CATEGORY_COLOUR[r.category] : "var(--color-muted)"} width={72} />
                  {r.latestDate && <span className="sr-only">latest on {formatDate(r.latestDate)}</span>}
                </td>
              </SelectableLesionRow>
            ))}
          </tbody>
        </table>
      </div>
    </Card>
  );
}
