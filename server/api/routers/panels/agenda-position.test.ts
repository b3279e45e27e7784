import { describe, expect, it } from "vitest";
import { agendaNeighbours, pickMeeting } from "./agenda-position";

const item = (caseId: string, position: number) => ({ caseId, position, pseudonym: `P-${caseId}`, diagnosis: "d" });

describe("pickMeeting", () => {
  const now = new Date("2026-11-26T10:00:00Z");
  const m = (iso: string) => ({ startsAt: new Date(iso) });
  it("takes the soonest meeting that has not ended (started at most 12 h ago)", () => {
    const meetings = [m("2026-11-19T08:00:00Z"), m("2026-11-26T08:00:00Z"), m("2026-12-03T08:00:00Z")];
    expect(pickMeeting(meetings, now)).toBe(meetings[1]);
  });
  it("falls back to the latest past meeting, and to nothing without meetings", () => {
    const meetings = [m("2026-11-12T08:00:00Z"), m("2026-11-19T08:00:00Z")];
    expect(pickMeeting(meetings, now)).toBe(meetings[1]);
    expect(pickMeeting([], now)).toBeUndefined();
  });
});

describe("agendaNeighbours", () => {
  const agenda = [item("c", 3), item("a", 1), item("b", 2)];
  it("orders by agenda position and gives the previous and next case", () => {
    expect(agendaNeighbours(agenda, "b")).toMatchObject({ index: 2, total: 3, prev: { caseId: "a" }, next: { caseId: "c" } });
  });
  it("has no previous case at the start and no next case at the end", () => {
    expect(agendaNeighbours(agenda, "a")).toMatchObject({ index: 1, prev: null, next: { caseId: "b" } });
    expect(agendaNeighbours(agenda, "c")).toMatchObject({ index: 3, prev: { caseId: "b" }, next: null });
  });
  it("is null for a case that is not on the agenda", () => {
    expect(agendaNeighbours(agenda, "x")).toBeNull();
  });
});
