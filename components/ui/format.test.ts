import { describe, expect, it } from "vitest";
import { formatChangePct, formatMonth, formatPercent, formatQuantity, formatStudyDay } from "./format";

describe("panel formats", () => {
  it("signs percentage changes and keeps the unit", () => {
    expect([formatChangePct(29.17), formatChangePct(-45.2), formatChangePct(0.2), formatChangePct(null)]).toEqual(["+29 %", "-45 %", "0 %", "—"]);
  });
  it("shows measured percentages with two significant digits under 10", () => {
    expect([formatPercent(0.4), formatPercent(6.3), formatPercent(18), formatPercent(0.05)]).toEqual(["0.4 %", "6.3 %", "18 %", "0.05 %"]);
  });
  it("gives lab values with their unit", () => {
    expect(formatQuantity(41, "ng/mL")).toBe("41 ng/mL");
    expect(formatQuantity(0.123456, "U/mL")).toBe("0.123 U/mL");
  });
  it("counts study days from the start of therapy", () => {
    expect([formatStudyDay(-10), formatStudyDay(0), formatStudyDay(231)]).toEqual(["day -10", "day 0", "day +231"]);
  });
  it("labels chart months", () => {
    expect(formatMonth("2026-09-21")).toBe("Sept 26");
  });
});
