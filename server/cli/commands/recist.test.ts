// `mosaic recist` end to end: spawns the real CLI as `npx tsx server/cli/main.ts recist ...`.
import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { case3 } from "../../analysis/response/__fixtures__/demo-imaging";

const dir = mkdtempSync(join(tmpdir(), "mosaic-recist-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function write(name: string, content: string): string {
  const file = join(dir, name);
  writeFileSync(file, content);
  return file;
}

function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile("npx", ["tsx", "server/cli/main.ts", "recist", ...args], { cwd: process.cwd(), timeout: 60_000 }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === "number" ? error.code : 1) : 0, stdout, stderr });
    });
  });
}

describe("mosaic recist", () => {
  it("prints RECIST 1.1 per timepoint, and iRECIST categories with --irecist (DEMO case 3)", async () => {
    const file = write("case3.json", JSON.stringify(case3));
    const [plain, immune] = await Promise.all([cli(["--input", file]), cli(["--input", file, "--irecist"])]);
    expect(plain.code).toBe(0);
    expect(plain.stderr).toBe("");
    const doc = JSON.parse(plain.stdout) as { timepoints: Record<string, unknown>[] };
    expect(doc.timepoints.map((t) => t.overallResponse)).toEqual([null, "PD", "PR"]);
    expect(doc.timepoints[2]).toMatchObject({ sumMm: 60, changeFromBaselinePct: -40, changeFromNadirPct: -40, targetResponse: "PR", nonTargetResponse: null });
    expect(immune.code).toBe(0);
    const idoc = JSON.parse(immune.stdout) as { timepoints: Record<string, unknown>[] };
    expect(idoc.timepoints.map((t) => t.overallResponse)).toEqual([null, "iUPD", "iPR"]);
    expect(idoc.timepoints[1]!.recistOverallResponse).toBe("PD");
  });

  it("malformed JSON, invalid input, missing file and missing flag fail with one line on stderr", async () => {
    const bad = write("bad.json", '{"lesions": [');
    const invalid = write("invalid.json", JSON.stringify({ ...case3, timepoints: [case3.timepoints[1], case3.timepoints[0]] }));
    const runs = await Promise.all([cli(["--input", bad]), cli(["--input", invalid]), cli(["--input", join(dir, "nope.json")]), cli([])]);
    const [malformed, wrong, missing, noFlag] = runs;
    for (const r of runs) {
      expect(r.code).toBe(1);
      expect(r.stdout).toBe("");
      expect(r.stderr.trim().split("\n")).toHaveLength(1);
    }
    expect(malformed!.stderr).toMatch(/^mosaic: .*bad\.json is not valid JSON/);
    expect(wrong!.stderr).toMatch(/invalid input in .*invalid\.json: timepoints\[1\]\.date: .*date order/);
    expect(missing!.stderr).toMatch(/cannot read .*nope\.json \(ENOENT\)/);
    expect(noFlag!.stderr).toMatch(/--input FILE\.json is required/);
  });
});
