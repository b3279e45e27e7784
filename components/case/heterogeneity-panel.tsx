/**
 * The heterogeneity panel (DESIGN §2.2-2.3): ITH per lesion with its parts and habitats, the
 * interlesional dendrogram with its feature heatmap, the phenotypes, the interlesional index,
 * and the repeatability caveat.
 */
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, Td, Th } from "@/components/ui/table";
import { formatDate } from "@/components/ui/format";
import { HABITAT_COLOURS } from "@/components/viewer/colours";
import { DendrogramHeatmap } from "./dendrogram-heatmap";
import type { AnalysisState, IthRow } from "./heterogeneity-data";
import type { PhenotypeAnalysis } from "./types";

export const REPEATABILITY_CAVEAT =
  "Radiomics features are not perfectly repeatable across scanners and reconstructions; treat small differences with caution.";

const bits = (v: number | null) => (v === null ? "—" : `${v.toFixed(2)} bits`);

function AnalysisBanner({ state }: { state: AnalysisState }) {
  if (state.state === "running")
    return (
      <p role="status" className="rounded-md border border-accent/40 bg-accent/10 px-3 py-2 text-sm" data-testid="analysis-progress">
        Analysing the scans: {state.done} of {state.total} timepoints done. Scores and phenotypes update here when each finishes.
      </p>
    );
  if (state.state === "failed")
    return (
      <p role="status" className="rounded-md border border-bad/40 bg-bad/10 px-3 py-2 text-sm">
        The analysis of {state.failed} of {state.total} timepoints failed{state.error ? `: ${state.error}` : ""}.
      </p>
    );
  return null;
}

function HabitatBar({ row }: { row: IthRow }) {
  if (row.habitats.length === 0) return <span className="text-faint">—</span>;
  const text = row.habitats.map((h) => `habitat ${h.label}: ${Math.round(h.volumeFraction * 100)} %, mean ${Math.round(h.meanIntensity)} HU`).join("; ");
  return (
    <span className="flex h-3 w-24 overflow-hidden rounded-sm" role="img" aria-label={text} title={text}>
      {row.habitats.map((h) => (
        <span key={h.label} style={{ width: `${h.volumeFraction * 100}%`, background: HABITAT_COLOURS[(h.label - 1) % HABITAT_COLOURS.length] }} />
      ))}
    </span>
  );
}

function IthTable({ rows }: { rows: IthRow[] }) {
  return (
    <div data-testid="ith-table">
      <Table label="Intralesional heterogeneity per lesion">
        <thead>
          <tr>
            <Th>Lesion</Th>
            <Th>ITH (0-100)</Th>
            <Th align="right">
              <span title="Mean Shannon entropy of the 5 x 5 x 5 window around each voxel">Mean local entropy</span>
            </Th>
            <Th align="right">First-order entropy</Th>
            <Th align="right">
              <span title="PyRadiomics convention: a normal distribution has kurtosis 3">Kurtosis</span>
            </Th>
            <Th align="right">GLCM joint entropy</Th>
            <Th align="right">GLSZM zone entropy</Th>
            <Th>Habitats</Th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.trackingId} data-testid="ith-row">
              <Td className="font-semibold whitespace-nowrap">
                {r.trackingId} <span className="text-xs font-normal text-faint">{formatDate(r.date)}</span>
              </Td>
              <Td>
                {r.score === null ? (
                  <span className="text-xs text-faint" title={r.reason ?? undefined}>
                    {r.tooSmall ? "too small for texture" : "not scored"}
                  </span>
                ) : (
                  <span className="flex items-center gap-2">
                    <span className="h-2 w-16 overflow-hidden rounded-sm bg-raised" aria-hidden>
                      <span className="block h-full bg-warn" style={{ width: `${r.score}%` }} />
                    </span>
                    <span className="tabular whitespace-nowrap">{Math.round(r.score)} / 100</span>
                  </span>
                )}
              </Td>
              <Td align="right" className="whitespace-nowrap">{bits(r.meanEntropyBits)}</Td>
              <Td align="right" className="whitespace-nowrap">{bits(r.firstOrderEntropyBits)}</Td>
              <Td align="right" className="whitespace-nowrap">{r.kurtosis === null ? "—" : `${r.kurtosis.toFixed(1)} (normal 3)`}</Td>
              <Td align="right" className="whitespace-nowrap">{bits(r.glcmJointEntropyBits)}</Td>
              <Td align="right" className="whitespace-nowrap">{bits(r.glszmZoneEntropyBits)}</Td>
              <Td>
                <HabitatBar row={r} />
              </Td>
            </tr>
          ))}
        </tbody>
      </Table>
    </div>
  );
}

export function HeterogeneityPanel({
  rows,
  phenotypes,
  state,
  phenotypeColours,
}: {
  rows: IthRow[];
  phenotypes: PhenotypeAnalysis | null;
  state: AnalysisState;
  phenotypeColours: Record<string, string>;
}) {
  const clusters = phenotypes?.clustering?.clusters ?? [];
  const index = phenotypes?.heterogeneityIndex ?? null;
  const hasHeatmap = (phenotypes?.heatmap.length ?? 0) > 0;
  const imputed = Object.fromEntries((phenotypes?.lesions ?? []).map((l) => [l.lesionId, l.imputed as string[]]));
  return (
    <Card title="Heterogeneity" testId="heterogeneity-panel">
      <div className="@container space-y-4">
        <AnalysisBanner state={state} />
        {rows.length === 0 && !hasHeatmap ? (
          <EmptyState title="No texture analysis yet">
            ITH scores, habitats and phenotypes appear once the timepoints&apos; scans with their segmentations have been analysed.
          </EmptyState>
        ) : (
          <>
            <IthTable rows={rows} />
            <div className="grid gap-4 @3xl:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
              {hasHeatmap ? (
                <DendrogramHeatmap heatmap={phenotypes!.heatmap} features={phenotypes!.features} dendrogram={phenotypes!.dendrogram} imputed={imputed} phenotypeColours={phenotypeColours} />
              ) : (
                <EmptyState title="No interlesional comparison yet" />
              )}
              <div className="space-y-3 text-sm">
                <div data-testid="interlesional-index">
                  <h3 className="text-xs font-medium tracking-wide text-muted uppercase">Interlesional heterogeneity</h3>
                  {index ? (
                    <p className="mt-1">
                      <span className="text-lg font-semibold tabular">{index.meanDistance.toFixed(2)} SD</span> mean pairwise distance
                      <span className="block text-muted">
                        max {index.maxDistance.toFixed(2)} SD ({index.maxPair.join(" vs ")})
                      </span>
                    </p>
                  ) : (
                    <p className="mt-1 text-muted">{phenotypes?.heterogeneityReason ?? "Not computed yet."}</p>
                  )}
                </div>
                <div data-testid="phenotypes">
                  <h3 className="text-xs font-medium tracking-wide text-muted uppercase">Phenotypes</h3>
                  {clusters.length > 0 ? (
                    <ul className="mt-1 space-y-1">
                      {clusters.map((c) => (
                        <li key={c.id} className="flex items-baseline gap-2">
                          <span aria-hidden className="inline-block size-2.5 shrink-0 rounded-full" style={{ background: phenotypeColours[c.lesionIds[0]!] }} />
                          <span className="font-medium">{c.phenotype}</span>
                          <span className="text-muted">{c.lesionIds.join(", ")}</span>
                        </li>
                      ))}
                    </ul>
                  ) : (
                    <p className="mt-1 text-muted">{phenotypes?.clusteringReason ?? "Not clustered yet."}</p>
                  )}
                </div>
                {phenotypes && <p className="text-xs text-faint">z-scores against the {phenotypes.referenceName}.</p>}
              </div>
            </div>
          </>
        )}
        <p className="rounded-md border border-line bg-raised/60 px-3 py-2 text-xs text-muted" data-testid="repeatability-caveat">
          {REPEATABILITY_CAVEAT}
        </p>
      </div>
    </Card>
  );
}
