"use client";
import { Line, LineChart, YAxis } from "recharts";
import { formatDate, formatMm } from "@/components/ui/format";

/** A lesion's size over time in a table cell; the label states first and last size for screen readers. */
export function Sparkline({ series, colour, width = 88, height = 26 }: { series: { date: string; sizeMm: number }[]; colour: string; width?: number; height?: number }) {
  if (series.length === 0) return null;
  const first = series[0]!;
  const last = series.at(-1)!;
  const label =
    series.length === 1
      ? `${formatMm(last.sizeMm)} on ${formatDate(last.date)}`
      : `Size from ${formatMm(first.sizeMm)} on ${formatDate(first.date)} to ${formatMm(last.sizeMm)} on ${formatDate(last.date)}`;
  return (
    <span role="img" aria-label={label} title={series.map((p) => `${formatDate(p.date)}: ${formatMm(p.sizeMm)}`).join("\n")} className="inline-block align-middle" data-testid="sparkline">
      <LineChart width={width} height={height} data={series} margin={{ top: 3, right: 3, bottom: 3, left: 3 }}>
        <YAxis hide domain={[0, "dataMax"]} />
        <Line type="linear" dataKey="sizeMm" stroke={colour} strokeWidth={1.6} dot={{ r: 1.6, fill: colour, strokeWidth: 0 }} isAnimationActive={false} />
      </LineChart>
    </span>
  );
}
