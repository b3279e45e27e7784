"use client";
/** Legends beside the map: lesions by phenotype colour (click to select), entropy scale, habitats. */
import { ENTROPY_GRADIENT_CSS, ENTROPY_RANGE_BITS, HABITAT_COLOURS } from "./colours";
import type { LesionLegendEntry } from "./types";

export function LesionLegend({
  lesions,
  selected,
  presentLabels,
  onSelect,
}: {
  lesions: LesionLegendEntry[];
  selected: string | null;
  /** Labels in the shown timepoint's segmentation; null while unknown. */
  presentLabels: Set<number> | null;
  onSelect(trackingId: string): void;
}) {
  const phenotypesKnown = lesions.some((l) => l.phenotype);
  return (
    <section aria-label="Lesion legend">
      <h3 className="mb-1.5 text-[11px] font-semibold tracking-wide text-muted uppercase">Lesions {phenotypesKnown ? "by phenotype" : ""}</h3>
      <ul className="grid grid-cols-[repeat(auto-fill,minmax(11rem,1fr))] gap-0.5 @4xl:grid-cols-1" data-testid="lesion-legend">
        {lesions.map((l) => {
          const absent = presentLabels !== null && !presentLabels.has(l.label);
          const isSelected = selected === l.trackingId;
          return (
            <li key={l.trackingId}>
              <button
                type="button"
                aria-pressed={isSelected}
                data-testid="legend-lesion"
                data-tracking-id={l.trackingId}
                onClick={() => onSelect(l.trackingId)}
                title={`${l.trackingId}${l.site ? `, ${l.site}` : ""}: ${absent ? "not seen on this scan" : "select it and centre the crosshair on it"}`}
                className={`flex w-full items-start gap-2 rounded px-1.5 py-0.5 text-left text-xs transition-colors hover:bg-raised @4xl:py-1 ${isSelected ? "bg-accent/10 ring-1 ring-accent/50" : ""}`}
              >
                <span aria-hidden className="mt-0.5 h-3 w-3 shrink-0 rounded-sm border-2" style={{ borderColor: l.colour, background: `${l.colour}55` }} />
                {/* Beside the scan: id, site, then phenotype; under it (narrow card): id and phenotype on one line. */}
                <span className="min-w-0 truncate @4xl:whitespace-normal">
                  <span className={`font-semibold ${absent ? "text-faint" : "text-ink"}`}>{l.trackingId}</span>
                  {l.site && <span className={`ml-1 hidden @4xl:inline ${absent ? "text-faint" : "text-muted"}`}>{l.site}</span>}
                  <span className="ml-1 text-faint @4xl:ml-0 @4xl:block">{absent ? "not seen on this scan" : (l.phenotype ?? "phenotype pending")}</span>
                </span>
              </button>
            </li>
          );
        })}
      </ul>
      {!phenotypesKnown && lesions.length > 0 && <p className="mt-1.5 text-[11px] leading-snug text-faint">Colours identify lesions until the interlesional phenotypes are computed.</p>}
    </section>
  );
}

export function EntropyLegend() {
  return (
    <section aria-label="Heterogeneity scale" className="text-xs">
      <h3 className="mb-1 text-[11px] font-semibold tracking-wide text-muted uppercase">Local entropy</h3>
      <div className="h-2 rounded-sm" style={{ background: ENTROPY_GRADIENT_CSS }} />
      <div className="tabular mt-0.5 flex justify-between text-faint">
        <span>{ENTROPY_RANGE_BITS.min} bits</span>
        <span>{ENTROPY_RANGE_BITS.max.toFixed(1)} bits</span>
      </div>
      <p className="mt-1 leading-snug text-faint">5 × 5 × 5 voxel window inside the lesion. Radiomic values vary between scanners and protocols.</p>
    </section>
  );
}

export function HabitatLegend() {
  return (
    <section aria-label="Habitat colours" className="text-xs">
      <h3 className="mb-1 text-[11px] font-semibold tracking-wide text-muted uppercase">Habitats</h3>
      <ul className="grid grid-cols-2 gap-x-2 gap-y-0.5">
        {HABITAT_COLOURS.map((c, i) => (
          <li key={c} className="flex items-center gap-1.5 text-muted">
            <span aria-hidden className="h-2.5 w-2.5 rounded-sm" style={{ background: c }} />H{i + 1}
          </li>
        ))}
      </ul>
      <p className="mt-1 leading-snug text-faint">Numbered from lowest to highest mean HU.</p>
    </section>
  );
}
