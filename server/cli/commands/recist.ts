/**
 * `mosaic recist --input FILE.json [--irecist]` (DESIGN.md §5): reads the lesion/timepoint JSON,
 * runs RECIST 1.1 (or iRECIST) and prints one pretty-printed JSON document
 * `{"timepoints": [...]}` on stdout, mm and % rounded to 0.01. Any problem is a CliError whose
 * one-line message names the file or the field; nothing is printed on stdout then.
 */
import { readFile, stat } from "node:fs/promises";
import { isAnalysisError } from "../../analysis/errors";
import { assessRecist } from "../../analysis/response";
import type { RecistInput, RecistTimepointResult } from "../../analysis/response";
import { CliError, parseFlags } from "../cli-error";

export const summary = "RECIST 1.1 / iRECIST response per timepoint from a lesion JSON file";

// A measurement table is kilobytes; refuse anything that is clearly not one before reading it.
const MAX_INPUT_BYTES = 10 * 1024 * 1024;

const round = (v: number | null): number | null => (v === null ? null : Math.round(v * 100) / 100);

function present(r: RecistTimepointResult) {
  return {
    id: r.id,
    date: r.date,
    sumMm: round(r.sumMm),
    nadirMm: round(r.nadirMm),
    changeFromBaselinePct: round(r.changeFromBaselinePct),
    changeFromNadirPct: round(r.changeFromNadirPct),
    targetResponse: r.targetResponse,
    nonTargetResponse: r.nonTargetResponse,
    newLesions: r.newLesions,
    overallResponse: r.overallResponse,
    ...(r.recistOverallResponse !== undefined ? { recistOverallResponse: r.recistOverallResponse } : {}),
    mixedResponse: r.mixedResponse,
    notes: r.notes,
    lesions: r.lesions.map((l) => ({
      lesionId: l.lesionId,
      kind: l.kind,
      sizeMm: round(l.sizeMm),
      changeFromBaselinePct: round(l.changeFromBaselinePct),
      changeFromNadirMm: round(l.changeFromNadirMm),
      changeFromNadirPct: round(l.changeFromNadirPct),
      ...(l.volumeMl !== null
        ? { volumeMl: round(l.volumeMl), volumeChangeFromBaselinePct: round(l.volumeChangeFromBaselinePct), volumetricCategory: l.volumetricCategory }
        : {}),
    })),
  };
}

async function readJson(file: string): Promise<unknown> {
  let text: string;
  try {
    const info = await stat(file);
    if (!info.isFile()) throw new CliError(`${file} is not a file`);
    if (info.size > MAX_INPUT_BYTES) throw new CliError(`${file} is larger than ${MAX_INPUT_BYTES / 1024 / 1024} MB`);
    text = await readFile(file, "utf8");
  } catch (e) {
    if (e instanceof CliError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    throw new CliError(`cannot read ${file}${code ? ` (${code})` : ""}`);
  }
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (e) {
    throw new CliError(`${file} is not valid JSON: ${(e as Error).message.split("\n")[0]}`);
  }
}

export async function run(args: string[]): Promise<void> {
  const { values, switches, positional } = parseFlags(args, { values: ["input"], switches: ["irecist"] });
  if (positional.length) throw new CliError(`unexpected argument "${positional[0]}" (usage: mosaic recist --input FILE.json [--irecist])`);
  const file = values.input;
  if (!file) throw new CliError("--input FILE.json is required (usage: mosaic recist --input FILE.json [--irecist])");
  const data = await readJson(file);
  let results: RecistTimepointResult[];
  try {
    // assessRecist validates the untrusted JSON itself; the cast only satisfies the signature.
    results = assessRecist(data as RecistInput, { irecist: switches.has("irecist") });
  } catch (e) {
    if (isAnalysisError(e)) throw new CliError(`invalid input in ${file}: ${e.message}`);
    throw e;
  }
  process.stdout.write(JSON.stringify({ timepoints: results.map(present) }, null, 2) + "\n");
}
