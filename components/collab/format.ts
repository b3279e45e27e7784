import type { Vec3 } from "@/server/collab/doc-shape";

export const formatMm = (p: Vec3) => `(${p.map((v) => v.toFixed(1)).join(", ")}) mm`;

export const initials = (name: string) =>
  name
    .replace(/^(Dr|Prof)\.?\s+/i, "")
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((w) => w[0]!.toUpperCase())
    .join("");

export const formatTime = (ms: number) => new Date(ms).toLocaleString(undefined, { dateStyle: "medium", timeStyle: "short" });

/** Three numbers from text inputs, or undefined when one is not a finite number. */
export function parsePoint(values: string[]): Vec3 | undefined {
  const n = values.map((v) => (v.trim() === "" ? NaN : Number(v)));
  return n.length === 3 && n.every(Number.isFinite) ? (n as Vec3) : undefined;
}

export const inputClass = "rounded border border-line bg-canvas px-2 py-1 text-sm text-ink placeholder:text-faint focus:border-accent";
export const buttonClass = "rounded border border-line px-2.5 py-1 text-sm text-muted hover:border-faint hover:text-ink disabled:opacity-50";
export const primaryButtonClass = "rounded border border-accent/50 bg-accent/10 px-2.5 py-1 text-sm font-medium text-accent-strong hover:bg-accent/20 disabled:opacity-50";
