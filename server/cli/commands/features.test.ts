/**
 * `mosaic features` end to end: the CLI run as a process on the IBSI digital phantom fixture
 * (NIfTI), checked against the IBSI consensus values (3 significant figures, Zwanenburg et al.,
 * Radiology 2020) and the radiomics core's own output at full precision.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { readVolume } from "../../analysis/imaging/read-volume";
import { extractFeatures } from "../../analysis/radiomics/extract";

const root = fileURLToPath(new URL("../../../", import.meta.url));
const fixtures = join(root, "server/analysis/__fixtures__/ibsi-digital-phantom");
const image = join(fixtures, "phantom.nii.gz");
const mask = join(fixtures, "mask.nii.gz");
const tmp = mkdtempSync(join(tmpdir(), "mosaic-features-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function mosaic(...args: string[]) {
  const r = spawnSync("npx", ["tsx", "server/cli/main.ts", "features", ...args], { cwd: root, encoding: "utf8", timeout: 60_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const sig3 = (x: number) => Number(x.toPrecision(3));

describe("mosaic features", () => {
  it("prints diagnostics and PyRadiomics-named features at full precision", () => {
    const r = mosaic("--image", image, "--mask", mask, "--bin-width", "1");
    expect(r.status, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout) as { diagnostics: Record<string, unknown>; features: Record<string, number> };
    expect(Object.keys(out.features)).toHaveLength(107);
    // IBSI consensus: joint entropy 2.40, (excess) kurtosis -0.355, GLSZM zone entropy 2.32.
    expect(sig3(out.features.original_glcm_JointEntropy)).toBe(2.4);
    expect(sig3(out.features.original_firstorder_Kurtosis - 3)).toBe(-0.355);
    expect(sig3(out.features.original_glszm_ZoneEntropy)).toBe(2.32);
    expect(out.diagnostics["diagnostics_Mask-original_VoxelNum"]).toBe(74);
    // Same numbers, bit for bit, as the core on the same files.
    const core = extractFeatures(readVolume(new Uint8Array(readFileSync(image)), image), readVolume(new Uint8Array(readFileSync(mask)), mask), { binWidth: 1 });
    expect(out.features).toEqual(core.features);
  });

  it("--ibsi --force-2d --format csv: header of names and one row of values", () => {
    const r = mosaic("--image", image, "--mask", mask, "--bin-width", "1", "--force-2d", "--ibsi", "--format", "csv");
    expect(r.status, r.stderr).toBe(0);
    const [header, row] = r.stdout.trimEnd().split("\n");
    const names = header.split(",");
    expect(names).toContain("GU8N");
    // The row holds quoted fields (settings JSON, arrays): take the features from the end.
    const values = row.match(/("([^"]|"")*"|[^,]*)(,|$)/g)!.map((f) => f.replace(/,$/, ""));
    const byName = Object.fromEntries(names.map((n, i) => [n, values[i]]));
    // IBSI 2.5D: zone size entropy 3.08, NGTDM coarseness 0.0285.
    expect(sig3(Number(byName.GU8N))).toBe(3.08);
    expect(sig3(Number(byName.QCDE))).toBe(0.0285);
  });

  it("a parameter file with flags on top", () => {
    const params = join(tmp, "params.yaml");
    writeFileSync(params, "setting:\n  binWidth: 2\n  voxelArrayShift: 5\nfeatureClass:\n  firstorder: [Energy, Mean]\n");
    const r = mosaic("--image", image, "--mask", mask, "--params", params, "--bin-width", "1", "--voxel-array-shift", "0");
    expect(r.status, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.features).toEqual({ original_firstorder_Energy: 567, original_firstorder_Mean: 2.1486486486486487 });
  });

  it("fails with one line on stderr and a non-zero exit", () => {
    for (const [args, pattern] of [
      [["--image", image], /--image and --mask are required/],
      [["--image", image, "--mask", mask, "--label", "3"], /label 3 is not present in the mask; labels present: 1/],
      [["--image", image, "--mask", mask, "--bin-width", "1", "--bin-count", "4"], /not both/],
      [["--image", image, "--mask", join(tmp, "missing.nii.gz")], /cannot read mask/],
      [["--image", image, "--mask", mask, "--resample", "1,1"], /--resample needs 3/],
    ] as const) {
      const r = mosaic(...args);
      expect(r.status).not.toBe(0);
      expect(r.stdout).toBe("");
      expect(r.stderr.trim().split("\n")).toHaveLength(1);
      expect(r.stderr).toMatch(pattern);
    }
  });
});
