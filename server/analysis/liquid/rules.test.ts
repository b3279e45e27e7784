import { describe, expect, it } from "vitest";
import { isAnalysisError } from "../errors";
import { addDays } from "../response/iso-date";
import { analyseLiquid } from "./analyse-liquid";
import { findDiscordance } from "./discordance";
import { logLinearTrend } from "./trends";
import type { LiquidResult } from "./types";

const D0 = "2025-01-01";
const at = (d: number) => addDays(D0, d);
const vaf = (d: number, analyte: string, value: number | null): LiquidResult => ({
  date: at(d), analyteType: "variant", analyte, gene: analyte.split(" ")[0]!, variant: analyte.split(" ")[1]!, value, unit: "%", lod: null, detected: value !== null,
});
const marker = (d: number, analyte: string, value: number | null, unit = "ng/mL", lod: number | null = null): LiquidResult => ({
  date: at(d), analyteType: "marker", analyte, gene: null, variant: null, value, unit, lod, detected: value !== null,
});
const kinds = (rs: LiquidResult[], opts = {}) => analyseLiquid(rs, opts).flags.map((f) => `${f.kind}@${f.date.slice(5)}${f.analyte ? ":" + f.analyte : ""}`);

describe("trends", () => {
  it("[L1] log-linear least squares: doubling every 10 days gives slope ln2/10 and a 10-day doubling time", () => {
    const fit = logLinearTrend([{ date: at(0), value: 1 }, { date: at(10), value: 2 }, { date: at(20), value: 4 }], 3);
    expect(fit.slopePerDay).toBeCloseTo(Math.LN2 / 10, 12);
    expect(fit.doublingTimeDays).toBeCloseTo(10, 9);
    expect(fit.halvingTimeDays).toBeNull();
  });
  it("[L1] halving time for a falling series, fitted on the last N values only", () => {
    const fit = logLinearTrend([{ date: at(0), value: 100 }, { date: at(5), value: 8 }, { date: at(12), value: 4 }, { date: at(19), value: 2 }], 3);
    expect(fit.halvingTimeDays).toBeCloseTo(7, 9);
    expect(fit.fromDate).toBe(at(5));
  });
  it("[L1] undefined with fewer than 3 values, or when the last values are not detected", () => {
    expect(logLinearTrend([{ date: at(0), value: 1 }, { date: at(9), value: 2 }], 3).reason).toMatch(/fewer than 3 values/);
    const nd = logLinearTrend([{ date: at(0), value: 3 }, { date: at(9), value: 2 }, { date: at(20), value: null }, { date: at(30), value: 1 }, { date: at(40), value: 1 }], 3);
    expect(nd.slopePerDay).toBeNull();
    expect(nd.reason).toMatch(/detected values in a row/);
  });
});

describe("ctDNA rules", () => {
  it("[L3] the mean VAF uses variants detected at baseline; not detected counts 0; a variant missing from a report is read as not detected", () => {
    const a = analyseLiquid([vaf(0, "A x", 10), vaf(0, "B y", 6), vaf(30, "A x", 4)]);
    const s = a.timepoints[1]!.ctdna!;
    expect(s.meanVafPercent).toBe(2);
    expect(s.assumedNotDetected).toEqual(["B y"]);
    expect(s.changeFromBaselinePct).toBeCloseTo(-75, 10);
  });
  it("[L4] molecular response at exactly 50 % below baseline, flagged once", () => {
    expect(kinds([vaf(0, "A x", 10), vaf(30, "A x", 5), vaf(60, "A x", 4)])).toEqual(["molecular-response@01-31"]);
    expect(kinds([vaf(0, "A x", 10), vaf(30, "A x", 5.1)])).toEqual([]);
    expect(kinds([vaf(0, "A x", 10), vaf(30, "A x", 6)], { molecularResponseDecreasePct: 30 })).toEqual(["molecular-response@01-31"]);
  });
  it("[L5] clearance when every variant is below its limit of detection", () => {
    const a = analyseLiquid([vaf(0, "A x", 10), vaf(0, "B y", null), vaf(30, "A x", null), vaf(30, "B y", null)]);
    expect(a.timepoints[1]!.ctdna!.status).toBe("clearance");
    expect(a.flags.map((f) => f.kind)).toEqual(["clearance"]);
  });
  it("[L6] molecular progression at twice the nadir with a baseline variant detected; 1.9x is not", () => {
    expect(kinds([vaf(0, "A x", 10), vaf(30, "A x", 1), vaf(60, "A x", 2)])).toEqual(["molecular-response@01-31", "molecular-progression@03-02"]);
    expect(kinds([vaf(0, "A x", 10), vaf(30, "A x", 1), vaf(60, "A x", 1.9)])).toEqual(["molecular-response@01-31"]);
    expect(kinds([vaf(0, "A x", 10), vaf(30, "A x", 1), vaf(60, "A x", 1.6)], { molecularProgressionFold: 1.5 })).toContain("molecular-progression@03-02");
  });
  it("[L6] a baseline variant back above its LOD after clearance is molecular progression", () => {
    expect(kinds([vaf(0, "A x", 10), vaf(30, "A x", null), vaf(60, "A x", 0.2)])).toEqual(["clearance@01-31", "molecular-progression@03-02"]);
  });
  it("[L7] an emerging variant is reported once, at its first detection; absent at baseline counts as not detected", () => {
    const a = analyseLiquid([vaf(0, "A x", 10), vaf(30, "A x", 9), vaf(30, "K z", 0.3), vaf(60, "A x", 9), vaf(60, "K z", 1)]);
    expect(a.flags.map((f) => [f.kind, f.date, f.analyte])).toEqual([["emerging-variant", at(30), "K z"]]);
    expect(a.timepoints[2]!.ctdna!.emergedVariants).toEqual(["K z"]);
  });
  it("[L3] without a variant detected at baseline there is no response or progression status", () => {
    const a = analyseLiquid([vaf(0, "A x", null), vaf(30, "A x", 1)]);
    expect(a.timepoints[1]!.ctdna!.status).toBe("no-baseline-variants");
    expect(a.flags.map((f) => f.kind)).toEqual(["emerging-variant"]);
  });
});

describe("tumor markers", () => {
  it("[L8] a value >= 25 % above the nadir is a rise; the next value above the bar confirms progression", () => {
    const a = analyseLiquid([marker(0, "CEA", 20), marker(30, "CEA", 10), marker(60, "CEA", 12.5), marker(90, "CEA", 14)]);
    expect(a.flags.map((f) => [f.kind, f.date, f.onsetDate ?? null])).toEqual([["marker-rise", at(60), null], ["marker-progression", at(90), at(60)]]);
  });
  it("[L8] a rise not confirmed by the next value is not progression; 24 % is not a rise", () => {
    expect(kinds([marker(0, "CEA", 10), marker(30, "CEA", 13), marker(60, "CEA", 11)])).toEqual(["marker-rise@01-31:CEA"]);
    expect(kinds([marker(0, "CEA", 10), marker(30, "CEA", 12.4)])).toEqual([]);
  });
  it("[L8] PSA also needs +2 ng/mL above the nadir (PCWG); configurable per marker", () => {
    expect(kinds([marker(0, "PSA", 1), marker(30, "PSA", 2), marker(60, "PSA", 2.5)])).toEqual([]);
    expect(kinds([marker(0, "PSA", 1), marker(30, "PSA", 3), marker(60, "PSA", 3.5)])).toEqual(["marker-rise@01-31:PSA", "marker-progression@03-02:PSA"]);
    expect(kinds([marker(0, "PSA", 1), marker(30, "PSA", 2)], { markerMinAbsoluteRise: {} })).toEqual(["marker-rise@01-31:PSA"]);
  });
  it("[L8] a result below the limit of detection counts as the LOD", () => {
    const a = analyseLiquid([marker(0, "CA 19-9", null, "U/mL", 2), marker(30, "CA 19-9", 3, "U/mL")]);
    expect(a.timepoints[1]!.markers[0]).toMatchObject({ nadir: 2, elevated: true });
  });
});

describe("validation and options", () => {
  it("[C4] analyseLiquid rejects inconsistent results naming samples[i]", () => {
    const bad = (rs: unknown[], re: RegExp) => {
      try {
        analyseLiquid(rs as LiquidResult[]);
      } catch (e) {
        expect(isAnalysisError(e) && e.code === "INVALID_INPUT" && re.test(e.message)).toBe(true);
        return;
      }
      throw new Error("expected INVALID_INPUT");
    };
    bad([vaf(0, "A x", 10), vaf(0, "A x", 9)], /^samples\[1\]: A x on .* already given \(samples\[0\]\)/);
    bad([marker(0, "CEA", 5), marker(9, "CEA", 5, "ug/L")], /^samples\[1\]: CEA in "ug\/L"/);
    bad([{ ...vaf(0, "A x", 10), value: 120 }], /^samples\[0\]: value must be from 0 to 100/);
    bad([{ ...vaf(0, "A x", 10), date: "2025-13-01" }], /^samples\[0\]: date/);
    bad([{ ...vaf(0, "A x", 10), extra: 1 }], /^samples\[0\]: Unrecognized key/);
  });
  it("[L4] thresholds out of range are INVALID_SETTINGS", () => {
    expect(() => analyseLiquid([], { molecularResponseDecreasePct: 120 })).toThrow(/molecularResponseDecreasePct/);
    expect(() => analyseLiquid([], { trendPoints: 2 })).toThrow(/trendPoints/);
  });
});

describe("discordance", () => {
  const liquid = analyseLiquid([vaf(0, "A x", 10), vaf(60, "A x", 1), vaf(120, "A x", 1), vaf(120, "K z", 0.5)]);
  it("[L9] imaging PD within 30 days of a molecular response is discordant; 31 days away is not", () => {
    expect(findDiscordance(liquid, [{ date: at(90), overallResponse: "PD" }]).map((d) => d.sampleDate)).toEqual([at(60)]);
    expect(findDiscordance(liquid, [{ date: at(91), overallResponse: "PD" }])).toEqual([]);
  });
  it("[L9] imaging SD/PR/CR near an emerged variant is discordant; an emerged variant also blocks the favourable reading", () => {
    for (const r of ["SD", "PR", "CR", "iPR"] as const) {
      expect(findDiscordance(liquid, [{ date: at(125), overallResponse: r }]).map((d) => d.kind)).toEqual(["imaging-response-molecular-progression"]);
    }
    expect(findDiscordance(liquid, [{ date: at(125), overallResponse: "PD" }])).toEqual([]);
  });
  it("[L9] NE and baseline imaging are skipped; the window is configurable and checked", () => {
    expect(findDiscordance(liquid, [{ date: at(60), overallResponse: "NE" }, { date: at(0), overallResponse: null }])).toEqual([]);
    expect(findDiscordance(liquid, [{ date: at(100), overallResponse: "PD" }], 45)).toHaveLength(1);
    expect(() => findDiscordance(liquid, [], -1)).toThrow(/windowDays/);
    expect(() => findDiscordance(liquid, [{ date: "soon", overallResponse: "PD" }])).toThrow(/imaging\[0\]\.date/);
  });
});
