/**
 * Calendar dates as 'YYYY-MM-DD' strings. The core never reads the clock; dates come in as data and
 * differences are whole days in UTC, so a daylight-saving change cannot shift an interval.
 */

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

/** Days since 1970-01-01 for a valid 'YYYY-MM-DD' date, or null (wrong shape or no such day). */
export function isoDateToDay(date: string): number | null {
  const m = ISO_DATE.exec(date);
  if (!m) return null;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const ms = Date.UTC(year, month - 1, day);
  const check = new Date(ms);
  // Date.UTC rolls 2024-02-30 over to March; a round trip catches dates that do not exist.
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return null;
  return ms / MS_PER_DAY;
}

export function isIsoDate(date: unknown): date is string {
  return typeof date === "string" && isoDateToDay(date) !== null;
}

/** Whole days from `from` to `to` (negative when `to` is earlier). Both must be valid ISO dates. */
export function daysBetween(from: string, to: string): number {
  const a = isoDateToDay(from);
  const b = isoDateToDay(to);
  if (a === null || b === null) throw new Error(`daysBetween needs ISO dates, got ${from} and ${to}`);
  return b - a;
}

/** The ISO date `days` after `date` (negative goes back). */
export function addDays(date: string, days: number): string {
  const d = isoDateToDay(date);
  if (d === null) throw new Error(`addDays needs an ISO date, got ${date}`);
  return new Date((d + days) * MS_PER_DAY).toISOString().slice(0, 10);
}
