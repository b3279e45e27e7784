import { describe, expect, it } from "vitest";
import { isAnalysisError } from "../errors";
import { buildInput } from "./__fixtures__/build-input";
import { assessRecist } from "./assess-recist";
import type { RecistInput } from "./types";

function expectInvalid(input: unknown, field: RegExp, code = "INVALID_INPUT", opts = {}): void {
  try {
    assessRecist(input as RecistInput, opts);
  } catch (e) {
    expect(isAnalysisError(e)).toBe(true);
    if (!isAnalysisError(e)) return;
    expect(e.code).toBe(code);
    expect(e.message).toMatch(field);
    expect(e.message).not.toContain("\n");
    return;
  }
  throw new Error("expected an AnalysisError");
}

const ok = () => buildInput({ A: { organ: "liver" }, X: { kind: "non-target" } }, [{ m: { A: 30 }, nt: { X: "present" } }, { m: { A: 20 }, nt: { X: "present" } }]);

describe("[R19] input validation names the field", () => {
  it("[R19] accepts a valid input", () => {
    expect(assessRecist(ok())).toHaveLength(2);
  });
  it("[R19] unknown lesion id in measurements or nonTarget", () => {
    const a = ok();
    a.timepoints[1]!.measurements.Z = { longAxisMm: 3 };
    expectInvalid(a, /^timepoints\[1\]\.measurements\.Z: unknown lesion id/);
    const b = ok();
    b.timepoints[1]!.nonTarget = { Q: "present" };
    expectInvalid(b, /^timepoints\[1\]\.nonTarget\.Q: unknown lesion id/);
  });
  it("[R19] a target lesion given a non-target status", () => {
    const a = ok();
    a.timepoints[1]!.nonTarget = { A: "present" };
    expectInvalid(a, /timepoints\[1\]\.nonTarget\.A: .*not a non-target/);
  });
  it("[R19] dates out of order, repeated or impossible", () => {
    const a = ok();
    a.timepoints[1]!.date = "2024-01-01";
    expectInvalid(a, /^timepoints\[1\]\.date: .*date order/);
    const b = ok();
    b.timepoints[1]!.date = b.timepoints[0]!.date;
    expectInvalid(b, /^timepoints\[1\]\.date/);
    const c = ok();
    c.timepoints[1]!.date = "2025-02-30";
    expectInvalid(c, /^timepoints\[1\]\.date: "2025-02-30" is not a valid/);
    const d = ok();
    d.timepoints[1]!.date = "06/01/2025";
    expectInvalid(d, /^timepoints\[1\]\.date/);
  });
  it("[R19] negative, non-numeric or absurd sizes", () => {
    const a = ok();
    a.timepoints[1]!.measurements.A = { longAxisMm: -1 };
    expectInvalid(a, /^timepoints\[1\]\.measurements\.A\.longAxisMm/);
    const b = ok();
    (b.timepoints[1]!.measurements as Record<string, unknown>).A = { longAxisMm: "12" };
    expectInvalid(b, /^timepoints\[1\]\.measurements\.A\.longAxisMm/);
    const c = ok();
    c.timepoints[1]!.measurements.A = { longAxisMm: 5000 };
    expectInvalid(c, /^timepoints\[1\]\.measurements\.A\.longAxisMm/);
  });
  it("[R19] short axis longer than the long axis, or size together with too-small", () => {
    const a = ok();
    a.timepoints[1]!.measurements.A = { longAxisMm: 10, shortAxisMm: 12 };
    expectInvalid(a, /measurements\.A\.shortAxisMm: 12 mm exceeds the long axis/);
    const b = ok();
    b.timepoints[1]!.measurements.A = { longAxisMm: 10, tooSmallToMeasure: true };
    expectInvalid(b, /measurements\.A: give either tooSmallToMeasure or a size/);
  });
  it("[R19] a node needs its short axis, a non-nodal lesion its long axis", () => {
    const a = buildInput({ N: { node: true } }, [{ m: { N: 20 } }, { m: {} }]);
    a.timepoints[1]!.measurements.N = { longAxisMm: 20 };
    expectInvalid(a, /timepoints\[1\]\.measurements\.N\.shortAxisMm: required for a lymph node/);
    const b = ok();
    b.timepoints[1]!.measurements.A = { shortAxisMm: 20 };
    expectInvalid(b, /measurements\.A\.longAxisMm: required/);
  });
  it("[R19] missing baseline: every target must be measured, measurable, at baseline", () => {
    const a = ok();
    delete a.timepoints[0]!.measurements.A;
    expectInvalid(a, /^timepoints\[0\]\.measurements\.A: every target lesion must be measured at baseline/);
    expectInvalid(buildInput({ A: {} }, [{ m: { A: 9 } }]), /timepoints\[0\]\.measurements\.A\.longAxisMm: .*>= 10 mm/);
    expectInvalid(buildInput({ N: { node: true } }, [{ m: { N: 14 } }]), /timepoints\[0\]\.measurements\.N\.shortAxisMm: .*>= 15 mm/);
    expectInvalid(buildInput({ A: {} }, [{ m: { A: "small" } }]), /must be measurable at baseline/);
    expectInvalid({ lesions: ok().lesions, timepoints: [] }, /^timepoints: /);
  });
  it("[R19] baseline cannot have new lesions, absent or progressing non-targets, or a normal node", () => {
    const a = ok();
    a.timepoints[0]!.newLesions = true;
    expectInvalid(a, /^timepoints\[0\]\.newLesions: must be false at baseline/);
    const b = ok();
    b.timepoints[0]!.nonTarget = { X: "progression" };
    expectInvalid(b, /^timepoints\[0\]\.nonTarget\.X: must be "present"/);
    const c = buildInput({ A: {}, N: { node: true, kind: "non-target" } }, [{ m: { A: 20, N: 8 } }]);
    expectInvalid(c, /timepoints\[0\]\.measurements\.N: a node under 10 mm/);
  });
  it("[R19] [R3] more than 5 targets, or more than 2 in one organ (all nodes are one organ)", () => {
    const six = Object.fromEntries(["a", "b", "c", "d", "e", "f"].map((id) => [id, {}]));
    expectInvalid(buildInput(six, [{ m: { a: 10, b: 10, c: 10, d: 10, e: 10, f: 10 } }]), /^lesions\[5\]: more than 5 target lesions/);
    const liver = { a: { organ: "Liver" }, b: { organ: "liver " }, c: { organ: "LIVER" } };
    expectInvalid(buildInput(liver, [{ m: { a: 10, b: 10, c: 10 } }]), /^lesions\[2\]: more than 2 target lesions in organ "liver"/);
    const nodes = { a: { node: true, organ: "axilla" }, b: { node: true, organ: "groin" }, c: { node: true, organ: "neck" } };
    expectInvalid(buildInput(nodes, [{ m: { a: 15, b: 15, c: 15 } }]), /organ "lymph node"/);
  });
  it("[R19] a measured new lesion needs newLesions true, and cannot exist at baseline", () => {
    const a = buildInput({ A: {}, U: { kind: "new" } }, [{ m: { A: 20 } }, { m: { A: 20, U: 8 } }]);
    expectInvalid(a, /^timepoints\[1\]\.newLesions: is false but a new lesion is measured/);
    const b = buildInput({ A: {}, U: { kind: "new" } }, [{ m: { A: 20, U: 8 } }]);
    expectInvalid(b, /timepoints\[0\]\.measurements\.U: .*new/);
  });
  it("[R19] duplicate ids, unknown keys, no baseline disease, bad tooSmallMm", () => {
    const a = ok();
    a.lesions.push({ ...a.lesions[0]! });
    expectInvalid(a, /^lesions\[2\]\.id: duplicate lesion id "A"/);
    const b = ok();
    b.timepoints[1]!.id = "t0";
    expectInvalid(b, /^timepoints\[1\]\.id: duplicate timepoint id/);
    const c = ok() as unknown as { timepoints: Record<string, unknown>[] };
    c.timepoints[1]!.newLesion = true;
    expectInvalid(c, /^timepoints\[1\]: Unrecognized key: "newLesion"/);
    expectInvalid(buildInput({ U: { kind: "new" } }, [{}]), /^lesions: needs at least one target or non-target/);
    expectInvalid(null, /^input: /);
    expectInvalid(ok(), /tooSmallMm/, "INVALID_SETTINGS", { tooSmallMm: 12 });
  });
});
