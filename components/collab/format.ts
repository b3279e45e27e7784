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

export { buttonClass, inputClass, primaryButtonClass } from "@/components/ui/controls";
