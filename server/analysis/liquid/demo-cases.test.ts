// The liquid-profiling series and expected flags of shared DEMO.md, read through the CSV importer
// and checked against the imaging responses of the same cases.
import { describe, expect, it } from "vitest";
import { assessRecist } from "../response/assess-recist";
import { case1, case2, case3, day } from "../response/__fixtures__/demo-imaging";
import type { RecistInput } from "../response/types";
import { case1Csv, case2Csv, case3Csv } from "./__fixtures__/demo-liquid";
import { analyseLiquid } from "./analyse-liquid";
import { findDiscordance } from "./discordance";
import { parseLiquidCsv } from "./parse-liquid-csv";

function analyse(csv: string) {
  const parsed = parseLiquidCsv(csv);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return analyseLiquid(parsed.rows);
}
const flagList = (a: ReturnType<typeof analyse>) => a.flags.map((f) => [f.kind, f.date, f.analyte ?? null]);
const imaging = (input: RecistInput, irecist = false) => assessRecist(input, { irecist }).map((r) => ({ date: r.date, overallResponse: r.overallResponse }));

describe("DEMO.md liquid profiling", () => {
  it("[L4] [L7] [L9] case 1: molecular response at +63, emerging KRAS at +147, discordance at +147 with imaging PR", () => {
    const a = analyse(case1Csv);
    expect(flagList(a)).toEqual([
      ["molecular-response", day(63), null],
      ["emerging-variant", day(147), "KRAS p.G12D"],
      ["marker-rise", day(231), "CEA"],
    ]);
    const d = findDiscordance(a, imaging(case1));
    expect(d.map((x) => [x.date, x.sampleDate, x.imagingResponse, x.kind])).toEqual([[day(147), day(147), "PR", "imaging-response-molecular-progression"]]);
    expect(d[0]!.message).toMatch(/emerging variant KRAS p\.G12D/);
  });

  it("[L4] [L6] [L7] [L9] case 2: molecular response at +77, molecular progression and emerging C797S at +161, discordance with imaging PR", () => {
    const a = analyse(case2Csv);
    expect(flagList(a)).toEqual([
      ["molecular-response", day(77), null],
      ["molecular-progression", day(161), null],
      ["emerging-variant", day(161), "EGFR p.C797S"],
    ]);
    const d = findDiscordance(a, imaging(case2));
    expect(d.map((x) => [x.date, x.imagingResponse, x.kind])).toEqual([[day(161), "PR", "imaging-response-molecular-progression"]]);
  });

  it("[L5] [L9] case 3: clearance at +70, discordance at +70 with imaging iUPD (iRECIST) and PD (RECIST 1.1)", () => {
    const a = analyse(case3Csv);
    expect(flagList(a)).toEqual([
      ["molecular-response", day(35), null],
      ["clearance", day(70), null],
    ]);
    for (const [irecist, response] of [[true, "iUPD"], [false, "PD"]] as const) {
      const d = findDiscordance(a, imaging(case3, irecist));
      expect(d.map((x) => [x.date, x.sampleDate, x.imagingResponse, x.kind])).toEqual([[day(70), day(70), response, "imaging-progression-molecular-response"]]);
      expect(d[0]!.message).toMatch(/ctDNA clearance/);
    }
  });

  it("[L1] case 1 trends: CEA and the baseline variants have a fit over the last three values, KRAS does not yet", () => {
    const a = analyse(case1Csv);
    const byName = Object.fromEntries(a.trends.map((t) => [t.analyte, t]));
    expect(byName["CEA"]!.points).toBe(3);
    expect(byName["CEA"]!.doublingTimeDays).toBeGreaterThan(0);
    expect(byName["KRAS p.G12D"]!.slopePerDay).toBeNull();
    expect(byName["APC p.R876*"]!.fromDate).toBe(day(63));
  });
});
