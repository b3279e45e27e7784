"use client";
/**
 * The liquid-profiling timeline: ctDNA VAF per variant (log or linear), tumor markers on the right
 * axis, therapy lines as bands, imaging timepoints with their response and the flags above the
 * plot. Not-detected results sit at the limit of detection as open triangles.
 */
import { useState } from "react";
import { CartesianGrid, ComposedChart, Line, ReferenceArea, ReferenceLine, usePlotArea, useXAxisScale, XAxis, YAxis } from "recharts";
import { formatDate, formatMonth, formatPercent, formatQuantity } from "@/components/ui/format";
import { axisProps, C, gridProps, TONE_COLOUR, variantColour } from "./chart-theme";
import { LABEL_OFFSET, labelWidth, packLabels, type LiquidRow, type LiquidTimeline } from "./liquid-data";

const ROW_PX = 15;
/** Flag label rows above the imaging labels. */
const flagRows = (data: LiquidTimeline) => Math.min(3, data.flags.length);
const MARKER_COLOUR = "var(--color-ink)";

interface DotProps {
  cx?: number;
  cy?: number;
  index?: number;
  payload?: LiquidRow;
}

function logTicks([lo, hi]: [number, number]): number[] {
  const ticks: number[] = [];
  for (let k = Math.ceil(Math.log10(lo)); k <= Math.floor(Math.log10(hi)); k++) ticks.push(10 ** k);
  return ticks;
}

/**
 * Above the plot: each imaging timepoint's response, and the flags packed into rows so their
 * labels never overlap (positions come from the chart's x scale).
 */
function Annotations({ data }: { data: LiquidTimeline }) {
  const scale = useXAxisScale();
  const area = usePlotArea();
  if (!scale || !area || !(area.width > 0)) return null;
  const x = (t: number) => Number(scale(t));
  if (!Number.isFinite(x(data.domain[0]))) return null;
  const flags = data.flagGroups.flatMap((g) => g.items.map((f) => ({ ...f, x: x(g.t) - area.x })));
  const slots = packLabels(flags.map((f) => ({ x: f.x, width: labelWidth(`⚑ ${f.label}`) })), area.width, Math.max(1, flagRows(data)));
  return (
    <g>
      {data.imaging.map((img) => (
        <text key={img.date} x={x(img.t)} y={area.y - 6} textAnchor="middle" fill={TONE_COLOUR[img.tone]} fontSize={11} fontWeight={700} data-testid="imaging-marker">
          {img.label}
          <title>{`CT ${formatDate(img.date)}: ${img.label}`}</title>
        </text>
      ))}
      {flags.map((f, i) => {
        const { row, anchor } = slots[i]!;
        return (
          <text
            key={`${f.date}-${f.label}`}
            x={area.x + f.x + (anchor === "start" ? LABEL_OFFSET : -LABEL_OFFSET)}
            y={area.y - 24 - row * ROW_PX}
            textAnchor={anchor}
            fill={TONE_COLOUR[f.tone]}
            fontSize={11}
            fontWeight={600}
            data-testid="flag-marker"
          >
            {`⚑ ${f.label}`}
            <title>{`${formatDate(f.date)}: ${f.message}`}</title>
          </text>
        );
      })}
    </g>
  );
}

export function LiquidTimelineChart({ data, width, height = 280, controls = true }: { data: LiquidTimeline; width?: number; height?: number; controls?: boolean }) {
  const [log, setLog] = useState(true);
  const { rows, variants, domain, vafRange } = data;
  // One right axis, one unit: markers in other units stay in the panel's table.
  const markerUnit = data.markers[0]?.unit;
  const markers = data.markers.filter((m) => m.unit === markerUnit);
  const top = 22 + flagRows(data) * ROW_PX;
  const vafDomain: [number, number] = vafRange ? (log ? [vafRange[0] / 2, vafRange[1] * 1.6] : [0, Math.ceil(vafRange[1] * 1.15)]) : [0, 1];
  const markerMax = Math.max(0, ...rows.flatMap((r) => markers.map((m) => (typeof r[m.key] === "number" ? (r[m.key] as number) : 0))));
  const lods = [...new Set(variants.map((v) => v.lod).filter((l): l is number => l !== null))];

  return (
    <figure className="min-w-0" data-testid="liquid-chart">
      <div className={`mb-1 flex items-center justify-end gap-1 text-xs print:hidden ${controls ? "" : "hidden"}`} role="group" aria-label="VAF axis scale">
        {(["log", "linear"] as const).map((s) => (
          <button
            key={s}
            type="button"
            aria-pressed={log === (s === "log")}
            onClick={() => setLog(s === "log")}
            className={`rounded border px-2 py-0.5 ${log === (s === "log") ? "border-accent/60 bg-accent/10 text-ink" : "border-line text-muted hover:text-ink"}`}
          >
            {s === "log" ? "Log VAF" : "Linear VAF"}
          </button>
        ))}
      </div>
      <ComposedChart width={width ?? "100%"} height={height} responsive={width === undefined} data={rows} margin={{ top, right: 8, bottom: 4, left: 0 }}>
        <CartesianGrid {...gridProps} />
        <XAxis type="number" dataKey="t" domain={domain} ticks={data.ticks} {...axisProps} tickFormatter={(t: number) => formatMonth(new Date(t).toISOString().slice(0, 10))} />
        <YAxis
          yAxisId="vaf"
          scale={log ? "log" : "linear"}
          domain={vafDomain}
          ticks={log ? logTicks(vafDomain) : undefined}
          allowDataOverflow
          {...axisProps}
          width={52}
          tickFormatter={(v: number) => formatPercent(v)}
          label={{ value: "ctDNA VAF", angle: -90, position: "insideLeft", offset: 10, fill: C.muted, fontSize: 11 }}
        />
        {markers.length > 0 && (
          <YAxis
            yAxisId="marker"
            orientation="right"
            domain={[0, Math.ceil(markerMax * 1.2) || 1]}
            {...axisProps}
            width={64}
            tickFormatter={(v: number) => `${v} ${markerUnit}`}
          />
        )}
        {data.bands.map((b) => (
          <ReferenceArea
            key={b.label}
            yAxisId="vaf"
            x1={b.x1}
            x2={b.x2}
            fill={C.accent}
            fillOpacity={0.07}
            stroke="none"
            ifOverflow="hidden"
            label={{ value: b.label, position: "insideBottomLeft", fill: C.accent, fontSize: 11 }}
          />
        ))}
        {lods.map((lod) => (
          <ReferenceLine key={lod} yAxisId="vaf" y={lod} stroke={C.faint} strokeDasharray="6 3" label={{ value: `LOD ${formatPercent(lod)}`, position: "insideBottomRight", fill: C.muted, fontSize: 10 }} />
        ))}
        {data.imaging.map((img) => (
          <ReferenceLine key={`img-${img.date}`} yAxisId="vaf" x={img.t} stroke={C.faint} />
        ))}
        {data.flagGroups.map((g) => (
          <ReferenceLine key={`flag-${g.date}`} yAxisId="vaf" x={g.t} stroke={C.warn} strokeDasharray="2 3" />
        ))}
        {variants.map((v, i) => (
          <Line
            key={v.key}
            yAxisId="vaf"
            dataKey={v.key}
            name={v.name}
            stroke={variantColour(i)}
            strokeWidth={2}
            connectNulls
            isAnimationActive={false}
            dot={(p: DotProps) => {
              const nd = p.payload?.[`${v.key}nd`] === true;
              const key = `${v.key}-${p.index}`;
              if (p.cx === undefined || p.cy === undefined || p.payload?.[v.key] == null) return <g key={key} />;
              const title = `${v.name}, ${formatDate(p.payload.date)}: ${nd ? `not detected (< ${formatPercent(v.lod)})` : formatPercent(p.payload[v.key] as number)}`;
              return nd ? (
                <path key={key} d={`M${p.cx - 5},${p.cy - 3}L${p.cx + 5},${p.cy - 3}L${p.cx},${p.cy + 5}Z`} fill={C.surface} stroke={variantColour(i)} strokeWidth={1.5} data-testid="nd-point">
                  <title>{title}</title>
                </path>
              ) : (
                <circle key={key} cx={p.cx} cy={p.cy} r={3.5} fill={variantColour(i)} stroke="none">
                  <title>{title}</title>
                </circle>
              );
            }}
          />
        ))}
        {markers.map((m) => (
          <Line
            key={m.key}
            yAxisId="marker"
            dataKey={m.key}
            name={m.name}
            stroke={MARKER_COLOUR}
            strokeOpacity={0.75}
            strokeWidth={1.5}
            strokeDasharray="5 3"
            connectNulls
            isAnimationActive={false}
            dot={(p: DotProps) =>
              p.cx === undefined || p.cy === undefined || p.payload?.[m.key] == null ? (
                <g key={`${m.key}-${p.index}`} />
              ) : (
                <rect key={`${m.key}-${p.index}`} x={p.cx - 3} y={p.cy - 3} width={6} height={6} fill={MARKER_COLOUR}>
                  <title>{`${m.name}, ${formatDate(p.payload.date)}: ${formatQuantity(p.payload[m.key] as number, m.unit)}`}</title>
                </rect>
              )
            }
          />
        ))}
        <Annotations data={data} />
      </ComposedChart>
      <figcaption className="mt-1 flex flex-wrap gap-x-4 gap-y-1 text-xs text-muted" data-testid="liquid-legend">
        {variants.map((v, i) => (
          <span key={v.key} className="inline-flex items-center gap-1.5">
            <span aria-hidden className="inline-block h-0.5 w-4" style={{ background: variantColour(i) }} />
            <span className="text-ink">{v.name}</span> ({v.unit} VAF)
          </span>
        ))}
        {markers.map((m) => (
          <span key={m.key} className="inline-flex items-center gap-1.5">
            <span aria-hidden className="inline-block w-4 border-t border-dashed border-ink" />
            <span className="text-ink">{m.name}</span> ({m.unit}, right axis)
          </span>
        ))}
        <span>▽ not detected, drawn at the limit of detection</span>
      </figcaption>
    </figure>
  );
}
