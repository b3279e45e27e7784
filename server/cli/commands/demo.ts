/**
 * `mosaic demo generate [--out DIR] [--workers N]`: writes the synthetic demo CT cohort (every
 * timepoint of every demo case as NIfTI image + lesion label map, shared/DEMO.md) and its
 * manifest.json, then prints where the manifest is and how long it took.
 */
import { writeDemoScans } from "../../demo/generate";
import { CliError, parseFlags } from "../cli-error";

export const summary = "demo generate [--out DIR] [--workers N]: write the synthetic demo CT cohort as NIfTI files";

const USAGE = "usage: mosaic demo generate [--out DIR] [--workers N]";
const DEFAULT_OUT = ".mosaic/demo-scans";

export async function run(args: string[]): Promise<void> {
  const { values, positional } = parseFlags(args, { values: ["out", "workers"] });
  if (positional.length !== 1 || positional[0] !== "generate") throw new CliError(USAGE);
  const workers = values.workers === undefined ? 2 : Number(values.workers);
  if (!Number.isInteger(workers) || workers < 0 || workers > 16) {
    throw new CliError(`--workers must be an integer from 0 to 16, got "${values.workers}"`);
  }
  const started = performance.now();
  const manifest = await writeDemoScans(values.out ?? DEFAULT_OUT, {
    workers,
    onScan: (s) => process.stdout.write(`  ${s.imagePath}  ${(s.imageBytes / 1e6).toFixed(1)} MB\n`),
  });
  const seconds = (performance.now() - started) / 1000;
  const megabytes = manifest.scans.reduce((sum, s) => sum + s.imageBytes + s.segBytes, 0) / 1e6;
  process.stdout.write(`wrote ${manifest.scans.length} timepoints (${megabytes.toFixed(0)} MB) in ${seconds.toFixed(1)} s\n`);
  process.stdout.write(`manifest: ${manifest.manifestPath}\n`);
}
