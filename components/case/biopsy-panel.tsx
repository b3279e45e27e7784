"use client";
/**
 * The biopsy-targets panel (DESIGN §2.6): ranked suggestions, each with the sentence and the
 * components that put it there (value x weight), and "Show on map" to put the lesion map's
 * crosshair on the suggested point (or the lesion's centre while no point is computed).
 */
import { Card } from "@/components/ui/card";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { formatMm } from "@/components/ui/format";
import { useCaseViewer } from "@/components/viewer/selection";
import type { Vec3Mm } from "@/components/viewer/types";

const COMPONENT_TEXT: Record<string, { label: string; hint: string }> = {
  resistance: { label: "Resistance", hint: "progressing while other lesions respond" },
  unsampledPhenotype: { label: "Unsampled phenotype", hint: "its phenotype has no histology yet" },
  ith: { label: "Heterogeneity", hint: "ITH score / 100" },
  feasibility: { label: "Feasibility", hint: "size (full at 20 mm) and access" },
};

export interface BiopsyTarget {
  trackingId: string;
  site: string;
  rank: number;
  score: number;
  maxScore: number;
  sentence: string;
  reasons: { component: string; value: number; weight: number; contribution: number }[];
  /** World mm of the suggested point, or the lesion centre when no point is computed yet. */
  pointMm: Vec3Mm | null;
  pointKind: "suggested" | "centre" | null;
  timepointId: string | null;
  longAxisMm: number | null;
}

export function BiopsyPanel({ targets }: { targets: BiopsyTarget[] }) {
  const { showOnMap, selectLesion, selectedLesion } = useCaseViewer();
  if (targets.length === 0) {
    return (
      <Card title="Biopsy targets" testId="biopsy-panel">
        <EmptyState title="No suggestions yet">Suggestions appear when the case has measured lesions.</EmptyState>
      </Card>
    );
  }
  return (
    <Card title="Biopsy targets" testId="biopsy-panel" actions={<span className="text-xs text-faint">ranked suggestions for the pathologist</span>}>
      <ol className="space-y-3">
        {targets.map((t) => {
          const feasible = t.reasons.find((r) => r.component === "feasibility")?.value !== 0;
          const top = t.rank === 1;
          return (
            <li
              key={t.trackingId}
              data-testid="biopsy-target"
              data-tracking-id={t.trackingId}
              className={`rounded-md border px-3 py-2.5 ${top ? "border-accent/50 bg-accent/5" : "border-line"} ${feasible ? "" : "opacity-70"} ${selectedLesion === t.trackingId ? "ring-1 ring-accent" : ""}`}
            >
              <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
                <span className={`text-xl font-semibold tabular ${top ? "text-accent-strong" : "text-faint"}`} aria-label={`Rank ${t.rank}`}>
                  {t.rank}
                </span>
                <span className="font-semibold" data-testid="biopsy-lesion">
                  {t.trackingId}
                </span>
                <span className="text-sm text-muted">
                  {t.site}
                  {t.longAxisMm !== null && ` · ${formatMm(t.longAxisMm)}`}
                </span>
                {!feasible && <Badge tone="neutral">not feasible</Badge>}
                <span className="ml-auto text-sm text-muted tabular" title="Sum of value x weight over the components">
                  score {t.score.toFixed(2)} of {t.maxScore} points
                </span>
                <button
                  type="button"
                  onClick={() => {
                    selectLesion(t.trackingId);
                    if (t.pointMm) showOnMap(t.pointMm, t.timepointId ?? undefined);
                  }}
                  className="rounded border border-accent/50 px-2.5 py-1 text-sm text-accent-strong hover:bg-accent/10"
                  title={t.pointKind === "suggested" ? "Put the crosshair on the suggested biopsy point" : t.pointKind === "centre" ? "No point computed yet: goes to the lesion's centre" : "Selects the lesion on the map"}
                  data-testid="show-on-map"
                >
                  Show on map
                </button>
              </div>
              <p className="mt-1 text-sm text-ink">{t.sentence}</p>
              <ul aria-label={`Why ${t.trackingId} ranks ${t.rank}: value (0-1) × weight = points`} className="mt-1.5 flex flex-wrap gap-x-4 gap-y-1 text-xs">
                {t.reasons.map((r) => (
                  <li key={r.component} className={r.contribution > 0 ? "text-ink" : "text-faint"} title={COMPONENT_TEXT[r.component]?.hint} data-testid="biopsy-reason">
                    <span className="font-medium">{COMPONENT_TEXT[r.component]?.label ?? r.component}</span>{" "}
                    <span className="tabular">
                      {r.value.toFixed(2)} × {r.weight} = {r.contribution.toFixed(2)} pts
                    </span>
                  </li>
                ))}
              </ul>
              {t.pointMm && (
                <p className="mt-1 text-xs text-faint tabular">
                  {t.pointKind === "suggested" ? "Suggested point" : "Lesion centre"} ({t.pointMm.map((v) => v.toFixed(1)).join(", ")}) mm
                </p>
              )}
            </li>
          );
        })}
      </ol>
    </Card>
  );
}
