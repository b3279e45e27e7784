/** Display formatting shared by pages: one format per kind of value. */
const dateFmt = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });
const dateTimeFmt = new Intl.DateTimeFormat("en-GB", { weekday: "long", day: "numeric", month: "long", year: "numeric", hour: "2-digit", minute: "2-digit" });

/** An ISO date (YYYY-MM-DD) as "3 Mar 2026". */
export function formatDate(isoDate: string): string {
  return dateFmt.format(new Date(`${isoDate}T00:00:00Z`));
}

export function formatDateTime(d: Date): string {
  return dateTimeFmt.format(d);
}

/** Millimetres with one decimal at most, with the unit. */
export function formatMm(mm: number | null | undefined): string {
  return mm == null ? "—" : `${Number(mm.toFixed(1))} mm`;
}

export function formatMl(ml: number | null | undefined): string {
  return ml == null ? "—" : `${ml < 10 ? ml.toFixed(2) : ml.toFixed(1)} mL`;
}

export function ageAt(birthYear: number, at: Date): number {
  return at.getUTCFullYear() - birthYear;
}

/** Whole days from a to b (ISO dates). */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}

/** A signed percentage change, whole percent: "+29 %", "-33 %", "0 %". */
export function formatChangePct(pct: number | null | undefined): string {
  if (pct == null || !Number.isFinite(pct)) return "—";
  const r = Math.round(pct);
  return `${r > 0 ? "+" : ""}${r} %`;
}

/** A measured percentage (VAF, tumor fraction), two significant digits under 10: "0.4 %", "18 %". */
export function formatPercent(value: number | null | undefined): string {
  if (value == null || !Number.isFinite(value)) return "—";
  return `${value < 10 ? Number(value.toPrecision(2)) : Math.round(value)} %`;
}

/** A value in a lab unit, up to three significant digits: "41 ng/mL", "0.5 ng/mL". */
export function formatQuantity(value: number | null | undefined, unit: string): string {
  if (value == null || !Number.isFinite(value)) return "—";
  return `${Number(value.toPrecision(3))} ${unit}`;
}

/** Days relative to the start of therapy: "day +63", "day -10", "day 0". */
export function formatStudyDay(days: number): string {
  return `day ${days > 0 ? "+" : ""}${days}`;
}

const monthFmt = new Intl.DateTimeFormat("en-GB", { month: "short", year: "2-digit", timeZone: "UTC" });

/** An ISO date as "Mar 26" for chart axes. */
export function formatMonth(isoDate: string): string {
  return monthFmt.format(new Date(`${isoDate}T00:00:00Z`));
}
