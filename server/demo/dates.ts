/** Date arithmetic for the demo story: ISO dates (YYYY-MM-DD), UTC. */
export function addDays(isoDate: string, days: number): string {
  const d = new Date(`${isoDate}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** This week's meeting: the next Thursday at 16:00 UTC on or after `now` (today when it is Thursday). */
export function demoMeetingStart(now: Date): Date {
  const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate(), 16, 0, 0));
  const thursday = 4;
  d.setUTCDate(d.getUTCDate() + ((thursday - d.getUTCDay() + 7) % 7));
  return d;
}
