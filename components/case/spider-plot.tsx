"use client";
/** Spider plot: per-lesion % change from baseline over time, one labelled line per lesion (DESIGN §2.4). */
import { CartesianGrid, Line, LineChart, ReferenceLine, XAxis, YAxis } from "recharts";
import { formatChangePct, formatStudyDay } from "@/components/ui/format";
import { axisProps, C, CATEGORY_COLOUR, gridProps, percentTicks } from "./chart-theme";
import { GROW_PCT, SHRINK_PCT, type NewLesionMark, type SpiderSeries } from "./response-data";

interface Props {
  series: SpiderSeries[];
  newLesions: NewLesionMark[];
  /** Fixed width in px (print); responsive to the container when omitted. */
  width?: number;
  height?: number;
  /** x is days from therapy start (true) or from baseline. */
  fromTherapy: boolean;
}

export function SpiderPlot({ series, newLesions, width, height = 240, fromTherapy }: Props) {
  const days = [...series.flatMap((s) => s.points.map((p) => p.day)), ...newLesions.map((n) => n.day)];
  const pcts = series.flatMap((s) => s.points.map((p) => p.pct));
  const yMin = Math.min(-60, Math.floor((Math.min(...pcts, 0) - 10) / 10) * 10);
  const yMax = Math.max(40, Math.ceil((Math.max(...pcts, 0) + 10) / 10) * 10);
  const xMax = Math.max(...days, 0);
  // Ticks at the assessments: the days the board talks about.
  const ticks = [...new Set(days)].sort((a, b) => a - b);
  const summary = series.map((s) => `${s.lesionId} ${formatChangePct(s.latestPct)}`).join(", ");
  return (
    <figure className="min-w-0" data-testid="spider-plot" aria-label={`Spider plot, latest change from baseline: ${summary}`}>
      <LineChart
        width={width ?? "100%"}
        height={height}
        responsive={width === undefined}
        margin={{ top: 18, right: 40, bottom: 18, left: 0 }}
      >
        <CartesianGrid {...gridProps} />
        <XAxis
          type="number"
          dataKey="day"
          domain={[Math.min(...days, 0) - 7, xMax + 7]}
          ticks={ticks}
          {...axisProps}
          tickFormatter={(d: number) => `${d > 0 ? "+" : ""}${d}`}
          label={{ value: fromTherapy ? "days from start of therapy" : "days from baseline", position: "insideBottom", offset: -10, fill: C.muted, fontSize: 11 }}
          allowDuplicatedCategory={false}
        />
        <YAxis type="number" domain={[yMin, yMax]} ticks={percentTicks(yMin, yMax)} {...axisProps} width={44} tickFormatter={(v: number) => `${v} %`} />
        <ReferenceLine y={0} stroke={C.faint} />
        <ReferenceLine y={GROW_PCT} stroke={C.bad} strokeDasharray="4 4" label={{ value: "+20 %", position: "insideTopLeft", fill: C.bad, fontSize: 10 }} />
        <ReferenceLine y={SHRINK_PCT} stroke={C.good} strokeDasharray="4 4" label={{ value: "-30 %", position: "insideBottomLeft", fill: C.good, fontSize: 10 }} />
        {newLesions.map((n) => (
          <ReferenceLine
            key={n.lesionId}
            x={n.day}
            stroke={C.bad}
            strokeDasharray="2 3"
            label={{ value: `new ${n.lesionId}`, position: "top", fill: C.bad, fontSize: 11, fontWeight: 600 }}
          />
        ))}
        {series.map((s) => {
          const colour = CATEGORY_COLOUR[s.category];
          const emphasised = s.category === "growing";
          return (
            <Line
              key={s.lesionId}
              data={s.points}
              dataKey="pct"
              name={s.lesionId}
              type="linear"
              stroke={colour}
              strokeWidth={emphasised ? 2.6 : 1.6}
              strokeDasharray={s.kind === "non-target" ? "5 3" : undefined}
              isAnimationActive={false}
              dot={(p: { cx?: number; cy?: number; index?: number }) => (
                <circle key={`${s.lesionId}-${p.index}`} cx={p.cx} cy={p.cy} r={emphasised ? 3.5 : 2.5} fill={colour} stroke="none">
                  <title>{`${s.lesionId}, ${formatStudyDay(s.points[p.index ?? 0]!.day)}: ${formatChangePct(s.points[p.index ?? 0]!.pct)}`}</title>
                </circle>
              )}
              label={(p: { x?: number | string; y?: number | string; index?: number }) =>
                p.index === s.points.length - 1 ? (
                  <text key={`${s.lesionId}-label`} x={Number(p.x) + 6} y={Number(p.y) + 4} fill={colour} fontSize={12} fontWeight={emphasised ? 700 : 500}>
                    {s.lesionId}
                  </text>
                ) : (
                  <g key={`${s.lesionId}-${p.index}`} />
                )
              }
            />
          );
        })}
      </LineChart>
      <figcaption className="sr-only">{summary}</figcaption>
    </figure>
  );
}
