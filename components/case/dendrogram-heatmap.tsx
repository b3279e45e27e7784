"use client";
/**
 * Interlesional dendrogram (Ward) beside the z-scored feature heatmap, one row per lesion in leaf
 * order. Hand-made SVG (no chart library draws dendrograms); d3-hierarchy does the layout. A row
 * selects its lesion like the lesion table does.
 */
import { useCaseViewer } from "@/components/viewer/selection";
import type { Dendrogram } from "@/server/analysis/interlesional/ward";
import { FEATURE_LABELS, layoutDendrogram, Z_LIMIT, zColour } from "./dendrogram-layout";

const ROW = 26;
const CELL = 38;
const TREE = 120;
const LABEL = 46;
const HEADER = 74;

interface Props {
  heatmap: { lesionId: string; label: string; z: number[] }[];
  features: readonly string[];
  dendrogram: Dendrogram | null;
  /** Imputed (missing) features per lesion: drawn hatched. */
  imputed: Record<string, string[]>;
  phenotypeColours: Record<string, string>;
}

export function DendrogramHeatmap({ heatmap, features, dendrogram, imputed, phenotypeColours }: Props) {
  const { selectedLesion, selectLesion } = useCaseViewer();
  const layout = dendrogram ? layoutDendrogram(dendrogram, ROW, TREE - 8) : null;
  const order = layout ? layout.leaves.map((l) => heatmap.find((h) => h.lesionId === l.lesionId)!).filter(Boolean) : heatmap;
  const width = TREE + LABEL + features.length * CELL + 4;
  const height = HEADER + order.length * ROW + 46;
  const legendY = HEADER + order.length * ROW + 16;
  const legendX = TREE + LABEL;
  const legendW = Math.min(features.length * CELL, 220);
  return (
    <figure className="min-w-0" data-testid="dendrogram-heatmap">
      <svg viewBox={`0 0 ${width} ${height}`} width="100%" style={{ maxWidth: width * 1.25 }} role="group" aria-label="Dendrogram of the lesions with their z-scored features">
        <defs>
          <linearGradient id="z-legend" x1="0" x2="1" y1="0" y2="0">
            <stop offset="0%" stopColor={zColour(-Z_LIMIT)} />
            <stop offset="50%" stopColor={zColour(0)} />
            <stop offset="100%" stopColor={zColour(Z_LIMIT)} />
          </linearGradient>
          <pattern id="imputed-hatch" width="5" height="5" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
            <line x1="0" y1="0" x2="0" y2="5" stroke="var(--color-faint)" strokeWidth="1.5" />
          </pattern>
        </defs>
        {features.map((f, j) => (
          <text key={f} transform={`translate(${TREE + LABEL + j * CELL + CELL / 2 + 4},${HEADER - 6}) rotate(-50)`} fontSize={11} fill="var(--color-muted)">
            {FEATURE_LABELS[f]?.short ?? f}
            <title>{FEATURE_LABELS[f]?.long ?? f}</title>
          </text>
        ))}
        {layout && (
          <g transform={`translate(4,${HEADER})`} data-testid="dendrogram" fill="none" stroke="var(--color-muted)" strokeWidth={1.4}>
            {layout.links.map((d) => (
              <path key={d} d={d} />
            ))}
          </g>
        )}
        {order.map((row, i) => {
          const selected = selectedLesion === row.lesionId;
          const y = HEADER + i * ROW;
          return (
            <g
              key={row.lesionId}
              role="button"
              tabIndex={0}
              aria-label={`Select lesion ${row.label}`}
              aria-pressed={selected}
              onClick={() => selectLesion(row.lesionId)}
              onKeyDown={(e) => {
                if (e.key === "Enter" || e.key === " ") {
                  e.preventDefault();
                  selectLesion(row.lesionId);
                }
              }}
              className="cursor-pointer"
              data-testid="heatmap-row"
            >
              {selected && <rect x={TREE} y={y} width={width - TREE} height={ROW} fill="var(--color-accent)" fillOpacity={0.14} />}
              <circle cx={TREE + 8} cy={y + ROW / 2} r={4.5} fill={phenotypeColours[row.lesionId] ?? "var(--color-faint)"} />
              <text x={TREE + 17} y={y + ROW / 2 + 4} fontSize={12} fontWeight={600} fill="var(--color-ink)">
                {row.label}
              </text>
              {row.z.map((z, j) => {
                const missing = imputed[row.lesionId]?.includes(features[j]!) ?? false;
                const x = TREE + LABEL + j * CELL;
                return (
                  <g key={j}>
                    <rect x={x} y={y + 1} width={CELL - 2} height={ROW - 2} rx={2} fill={missing ? "url(#imputed-hatch)" : zColour(z)} data-testid="heatmap-cell">
                      <title>{`${row.label} · ${FEATURE_LABELS[features[j]!]?.long ?? features[j]}: ${missing ? "missing (set to the reference mean)" : `z = ${z > 0 ? "+" : ""}${z.toFixed(1)} SD`}`}</title>
                    </rect>
                  </g>
                );
              })}
            </g>
          );
        })}
        <g transform={`translate(${legendX},${legendY})`} fontSize={10} fill="var(--color-muted)">
          <rect width={legendW} height={8} rx={2} fill="url(#z-legend)" />
          <text x={0} y={20}>{`≤ -${Z_LIMIT} SD`}</text>
          <text x={legendW / 2} y={20} textAnchor="middle">
            reference mean
          </text>
          <text x={legendW} y={20} textAnchor="end">{`≥ +${Z_LIMIT} SD`}</text>
          <rect x={legendW + 14} y={0} width={12} height={8} fill="url(#imputed-hatch)" stroke="var(--color-line)" />
          <text x={legendW + 30} y={8}>
            missing
          </text>
        </g>
        {layout && (
          <text x={4} y={HEADER - 6} fontSize={10} fill="var(--color-faint)">
            {`Ward height (max ${layout.maxHeight.toFixed(1)} SD)`}
          </text>
        )}
      </svg>
      <figcaption className="sr-only">Rows are lesions in dendrogram order; columns are features z-scored against the reference cohort.</figcaption>
    </figure>
  );
}
