/**
 * `mosaic features --image F --mask F [--label N] [--params FILE.yaml] [--bin-width W | --bin-count N]
 * [--resegment-range MIN,MAX] [--force-2d] [--resample X,Y,Z] [--voxel-array-shift S] [--ibsi]
 * [--format json|csv]` (DESIGN.md §5): radiomics of one ROI, see server/analysis/radiomics/SPEC.md.
 *
 * Settings: a PyRadiomics parameter file first, then the flags on top (as PyRadiomics' keyword
 * overrides). `--resample` uses trilinear interpolation (sitkLinear) unless the parameter file names
 * an interpolator. Output on stdout at full double precision (shortest round-trip form):
 * JSON `{"diagnostics": {...}, "features": {...}}` (NaN as null), or CSV with a header row of names
 * (diagnostics, then features) and one row of values (arrays as JSON, NaN as "nan"), as
 * PyRadiomics' own CSV output lays out a case.
 */
import { readFile, stat } from "node:fs/promises";
import { parse } from "yaml";
import { readVolume } from "../../analysis/imaging/read-volume";
import { extractFeatures, type ExtractionResult } from "../../analysis/radiomics/extract";
import { parseParamsYaml } from "../../analysis/radiomics/params-yaml";
import { resolveSettings, type RadiomicsSettings } from "../../analysis/radiomics/settings";
import { CliError, parseFlags } from "../cli-error";

export const summary = "radiomics features (PyRadiomics names, or IBSI codes with --ibsi) of one ROI";

const USAGE =
  "usage: mosaic features --image F --mask F [--label N] [--params FILE.yaml] [--bin-width W | --bin-count N] " +
  "[--resegment-range MIN,MAX] [--force-2d] [--resample X,Y,Z] [--voxel-array-shift S] [--ibsi] [--format json|csv]";

async function readBytes(file: string, what: string): Promise<Uint8Array> {
  try {
    const info = await stat(file);
    if (!info.isFile()) throw new CliError(`${what} ${file} is not a file`);
    return new Uint8Array(await readFile(file));
  } catch (e) {
    if (e instanceof CliError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    throw new CliError(`cannot read ${what} ${file}${code ? ` (${code})` : ""}`);
  }
}

function number(flag: string, text: string): number {
  const v = Number(text);
  if (text.trim() === "" || !Number.isFinite(v)) throw new CliError(`--${flag} needs a number, got "${text}"`);
  return v;
}

function numbers(flag: string, text: string, counts: number[]): number[] {
  const parts = text.split(",").map((p) => number(flag, p));
  if (!counts.includes(parts.length)) throw new CliError(`--${flag} needs ${counts.join(" or ")} comma-separated numbers, got "${text}"`);
  return parts;
}

/** Whether the parameter file sets an interpolator (then --resample keeps it). */
function namesInterpolator(text: string): boolean {
  const doc = parse(text) as { setting?: Record<string, unknown>; imageType?: { Original?: Record<string, unknown> } } | null;
  return doc?.setting?.interpolator !== undefined || doc?.imageType?.Original?.interpolator !== undefined;
}

async function settingsFrom(values: Record<string, string>, switches: Set<string>): Promise<RadiomicsSettings> {
  let base: RadiomicsSettings = resolveSettings();
  let paramsInterpolator = false;
  if (values.params) {
    const text = new TextDecoder().decode(await readBytes(values.params, "parameter file"));
    base = parseParamsYaml(text);
    paramsInterpolator = namesInterpolator(text);
  }
  const over: Partial<RadiomicsSettings> = {};
  if (values["bin-width"] !== undefined && values["bin-count"] !== undefined) throw new CliError("give --bin-width or --bin-count, not both");
  if (values.label !== undefined) over.label = number("label", values.label);
  if (values["bin-width"] !== undefined) Object.assign(over, { binWidth: number("bin-width", values["bin-width"]), binCount: null });
  if (values["bin-count"] !== undefined) over.binCount = number("bin-count", values["bin-count"]);
  if (values["resegment-range"] !== undefined) over.resegmentRange = numbers("resegment-range", values["resegment-range"], [1, 2]);
  if (switches.has("force-2d")) over.force2D = true;
  if (values.resample !== undefined) {
    over.resampledPixelSpacing = numbers("resample", values.resample, [3]) as [number, number, number];
    if (!paramsInterpolator) over.interpolator = "sitkLinear";
  }
  if (values["voxel-array-shift"] !== undefined) over.voxelArrayShift = number("voxel-array-shift", values["voxel-array-shift"]);
  return resolveSettings({ ...base, ...over });
}

function csvField(v: string | number | number[]): string {
  const text = typeof v === "number" ? (Number.isNaN(v) ? "nan" : String(v)) : Array.isArray(v) ? JSON.stringify(v) : v;
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function toCsv(result: ExtractionResult): string {
  const entries = [...Object.entries(result.diagnostics), ...Object.entries(result.features)];
  return entries.map(([k]) => csvField(k)).join(",") + "\n" + entries.map(([, v]) => csvField(v)).join(",") + "\n";
}

export async function run(args: string[]): Promise<void> {
  const { values, switches, positional } = parseFlags(args, {
    values: ["image", "mask", "label", "params", "bin-width", "bin-count", "resegment-range", "resample", "voxel-array-shift", "format"],
    switches: ["force-2d", "ibsi"],
  });
  if (positional.length) throw new CliError(`unexpected argument "${positional[0]}" (${USAGE})`);
  if (!values.image || !values.mask) throw new CliError(`--image and --mask are required (${USAGE})`);
  const format = values.format ?? "json";
  if (format !== "json" && format !== "csv") throw new CliError(`--format must be json or csv, got "${format}"`);
  const settings = await settingsFrom(values, switches);
  const image = readVolume(await readBytes(values.image, "image"), values.image);
  const mask = readVolume(await readBytes(values.mask, "mask"), values.mask);
  const result = extractFeatures(image, mask, settings, { ibsi: switches.has("ibsi") });
  process.stdout.write(format === "csv" ? toCsv(result) : JSON.stringify(result, null, 2) + "\n");
}
