/**
 * Where a case sits in a meeting's agenda, for the presenter's previous/next buttons. Pure: the
 * handler loads the rows.
 */

/** A meeting is current until 12 hours after it starts (as on the home page). */
const MEETING_OPEN_MS = 12 * 3600_000;

/**
 * The meeting to navigate in: the soonest one that has not ended, else the latest past one.
 * `meetings` must be sorted by start, soonest first.
 */
export function pickMeeting<T extends { startsAt: Date }>(meetings: T[], now: Date): T | undefined {
  return meetings.find((m) => m.startsAt.getTime() >= now.getTime() - MEETING_OPEN_MS) ?? meetings.at(-1);
}

export interface AgendaNeighbour {
  caseId: string;
  position: number;
  pseudonym: string;
  diagnosis: string;
}

/** The case's place in the agenda (1-based, in agenda order) and its neighbours; null when absent. */
export function agendaNeighbours<T extends AgendaNeighbour>(agenda: T[], caseId: string): { index: number; total: number; prev: T | null; next: T | null } | null {
  const sorted = [...agenda].sort((a, b) => a.position - b.position);
  const i = sorted.findIndex((a) => a.caseId === caseId);
  if (i < 0) return null;
  return { index: i + 1, total: sorted.length, prev: sorted[i - 1] ?? null, next: sorted[i + 1] ?? null };
}
