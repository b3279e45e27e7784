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
