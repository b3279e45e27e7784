"use client";
/** Waterfall plot: best % change from baseline per lesion, coloured by the -30 % / +20 % bars, with the latest change beside it. */
import { Bar, CartesianGrid, ComposedChart, ReferenceLine, Scatter, XAxis, YAxis, type BarShapeProps } from "recharts";
import { formatChangePct } from "@/components/ui/format";
import { axisProps, C, CATEGORY_COLOUR, gridProps, percentTicks } from "./chart-theme";
import { GROW_PCT, SHRINK_PCT, type WaterfallBar } from "./response-data";

interface PointProps {
  cx?: number;
  cy?: number;
  payload?: WaterfallBar;
}

export function WaterfallPlot({ bars, width, height = 240 }: { bars: WaterfallBar[]; width?: number; height?: number }) {
  const values = bars.flatMap((b) => [b.bestPct, b.latestPct]);
  const yMin = Math.min(-60, Math.floor((Math.min(...values, 0) - 10) / 10) * 10);
  const yMax = Math.max(40, Math.ceil((Math.max(...values, 0) + 10) / 10) * 10);
  const summary = bars.map((b) => `${b.lesionId} best ${formatChangePct(b.bestPct)}, latest ${formatChangePct(b.latestPct)}`).join("; ");
  return (
    <figure className="min-w-0" data-testid="waterfall-plot" aria-label={`Waterfall plot: ${summary}`}>
      <ComposedChart width={width ?? "100%"} height={height} responsive={width === undefined} data={bars} margin={{ top: 18, right: 12, bottom: 4, left: 0 }}>
        <CartesianGrid {...gridProps} vertical={false} />
        <XAxis dataKey="lesionId" {...axisProps} tick={{ fill: C.ink, fontSize: 12, fontWeight: 600 }} />
        <YAxis type="number" domain={[yMin, yMax]} ticks={percentTicks(yMin, yMax)} {...axisProps} width={44} tickFormatter={(v: number) => `${v} %`} />
        <ReferenceLine y={0} stroke={C.faint} />
        <ReferenceLine y={GROW_PCT} stroke={C.bad} strokeDasharray="4 4" label={{ value: "+20 %", position: "insideTopRight", fill: C.bad, fontSize: 10 }} />
        <ReferenceLine y={SHRINK_PCT} stroke={C.good} strokeDasharray="4 4" label={{ value: "-30 %", position: "insideBottomRight", fill: C.good, fontSize: 10 }} />
        <Bar
          dataKey="bestPct"
          name="Best change"
          isAnimationActive={false}
          maxBarSize={44}
          shape={(p: BarShapeProps) => {
            const y = Number(p.y ?? 0);
            const x = Number(p.x ?? 0);
            const w = Number(p.width ?? 0);
            const top = Math.min(y, y + Number(p.height ?? 0));
            const h = Math.abs(Number(p.height ?? 0));
            const b = p.payload as WaterfallBar;
            const negative = b.bestPct < 0;
            return (
              <g>
                <rect x={x} y={top} width={w} height={Math.max(h, 1)} fill={CATEGORY_COLOUR[b.category]} fillOpacity={0.85} rx={2} data-testid="waterfall-bar">
                  <title>{`${b.lesionId}: best ${formatChangePct(b.bestPct)} from baseline`}</title>
                </rect>
                <text x={x + w / 2} y={negative ? top + h + 12 : top - 4} textAnchor="middle" fill={C.ink} fontSize={11}>
                  {formatChangePct(b.bestPct)}
                </text>
              </g>
            );
          }}
        />
        <Scatter
          dataKey="latestPct"
          name="Latest change"
          isAnimationActive={false}
          shape={(p: PointProps) => {
            const b = p.payload!;
            const s = 6;
            const cx = p.cx ?? 0;
            const cy = p.cy ?? 0;
            return (
              <path d={`M${cx},${cy - s}L${cx + s},${cy}L${cx},${cy + s}L${cx - s},${cy}Z`} fill={CATEGORY_COLOUR[b.latestCategory]} stroke={C.surface} strokeWidth={1.5}>
                <title>{`${b.lesionId}: latest ${formatChangePct(b.latestPct)} from baseline`}</title>
              </path>
            );
          }}
        />
      </ComposedChart>
      <figcaption className="mt-1 flex flex-wrap gap-x-4 gap-y-1 text-xs text-muted">
        <span>Bar: best change from baseline</span>
        <span>◆ latest change</span>
        <span className="text-good">■ ≤ -30 %</span>
        <span className="text-bad">■ growing</span>
        <span>■ between</span>
      </figcaption>
    </figure>
  );
}
