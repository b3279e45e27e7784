/**
 * Colours and axis styling of the panels' charts. Colours are the theme's CSS variables, so a
 * chart follows the surface it is drawn on (the dark case view, the light print summary).
 */
import type { ChangeCategory, Tone } from "./types";

export const C = {
  ink: "var(--color-ink)",
  muted: "var(--color-muted)",
  faint: "var(--color-faint)",
  line: "var(--color-line)",
  surface: "var(--color-surface)",
  accent: "var(--color-accent)",
  good: "var(--color-good)",
  warn: "var(--color-warn)",
  bad: "var(--color-bad)",
} as const;

/** One colour per direction of change (spider lines, waterfall bars, sparklines). */
export const CATEGORY_COLOUR: Record<ChangeCategory, string> = {
  shrinking: C.good,
  stable: C.muted,
  growing: C.bad,
  gone: C.good,
  new: C.bad,
};

export const CATEGORY_TEXT: Record<ChangeCategory, string> = {
  shrinking: "shrinking ≥30 %",
  stable: "stable",
  growing: "growing ≥20 % and ≥5 mm from nadir",
  gone: "gone",
  new: "new",
};

export const TONE_COLOUR: Record<Tone, string> = { good: C.good, warn: C.warn, bad: C.bad, neutral: C.muted };

/** ctDNA variants (categorical, distinct from the response colours). */
export const VARIANT_COLOURS = ["#6cb4ee", "#b57be6", "#f2a33a", "#d8d45a", "#4fd1c5", "#ec6f8d"] as const;
export const variantColour = (i: number) => VARIANT_COLOURS[i % VARIANT_COLOURS.length]!;

export const axisProps = {
  stroke: C.line,
  tick: { fill: C.muted, fontSize: 11 },
  tickLine: { stroke: C.line },
} as const;

export const gridProps = { stroke: C.line, strokeOpacity: 0.6, strokeDasharray: "2 4" } as const;

export const tooltipProps = {
  contentStyle: { background: "var(--color-raised)", border: "1px solid var(--color-line)", borderRadius: 6, fontSize: 12, color: "var(--color-ink)" },
  labelStyle: { color: "var(--color-muted)" },
  itemStyle: { color: "var(--color-ink)" },
} as const;

/** % axis ticks every 20 % from 0, within [min, max]. */
export function percentTicks(min: number, max: number): number[] {
  const ticks: number[] = [];
  for (let t = Math.ceil(min / 20) * 20; t <= max; t += 20) ticks.push(t);
  return ticks;
}
