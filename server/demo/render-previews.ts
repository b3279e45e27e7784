/**
 * Renders PNG previews of written demo scans, for eyeballing the phantom without a viewer:
 * for every lesion at every timepoint, its largest axial slice in the soft-tissue and lung windows
 * (radiological convention, lesion outlined) plus a 3x crop around it, and a few overview levels.
 *
 *   npx tsx server/demo/render-previews.ts [--scans .mosaic/demo-scans] [--out /tmp/demo-previews]
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { readVolume } from "../analysis/imaging/read-volume";
import type { DemoScan } from "./scan-files";
import { BONE_WINDOW, LUNG_WINDOW, SOFT_TISSUE_WINDOW, encodePng, renderSlice, type CtWindow } from "./preview-png";
import { demoCases } from "./story";

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
}

const scansDir = arg("scans", ".mosaic/demo-scans");
const outDir = arg("out", "/tmp/demo-previews");
mkdirSync(outDir, { recursive: true });
const { scans } = JSON.parse(readFileSync(join(scansDir, "manifest.json"), "utf8")) as { scans: DemoScan[] };
const windows: [string, CtWindow][] = [["soft", SOFT_TISSUE_WINDOW], ["lung", LUNG_WINDOW]];

function crop(rgb: Uint8Array, nx: number, ny: number, ci: number, cj: number, half: number, scale: number): { w: number; h: number; rgb: Uint8Array } {
  const i0 = Math.max(0, Math.min(nx - 2 * half, ci - half)), j0 = Math.max(0, Math.min(ny - 2 * half, cj - half));
  const w = 2 * half * scale, h = 2 * half * scale;
  const out = new Uint8Array(w * h * 3);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const src = ((j0 + Math.floor(y / scale)) * nx + i0 + Math.floor(x / scale)) * 3;
      out.set(rgb.subarray(src, src + 3), (y * w + x) * 3);
    }
  }
  return { w, h, rgb: out };
}

const written: string[] = [];
const save = (name: string, w: number, h: number, rgb: Uint8Array) => {
  writeFileSync(join(outDir, name), encodePng(w, h, rgb));
  written.push(name);
};

for (const scan of scans) {
  const story = demoCases.find((c) => c.slug === scan.caseSlug);
  const image = readVolume(readFileSync(join(scansDir, scan.imagePath)), scan.imagePath);
  const seg = readVolume(readFileSync(join(scansDir, scan.segPath)), scan.segPath);
  const [nx, ny, nz] = image.dims;
  const stem = `${scan.caseSlug}-tp${scan.timepointIndex}`;
  for (const lesion of story?.lesions ?? []) {
    // The lesion's largest slice and its centre there.
    let best = -1, bestCount = 0;
    for (let k = 0; k < nz; k++) {
      let count = 0;
      for (let p = k * nx * ny; p < (k + 1) * nx * ny; p++) if (seg.data[p] === lesion.label) count++;
      if (count > bestCount) [best, bestCount] = [k, count];
    }
    if (best < 0) continue;
    let si = 0, sj = 0;
    for (let p = 0; p < nx * ny; p++) if (seg.data[best * nx * ny + p] === lesion.label) [si, sj] = [si + (p % nx), sj + Math.floor(p / nx)];
    for (const [name, win] of windows) {
      if (name === "lung" && lesion.organ !== "lung") continue;
      save(`${stem}-${lesion.key}-${name}.png`, nx, ny, renderSlice(image.data, seg.data, nx, ny, best, win));
      const c = crop(renderSlice(image.data, null, nx, ny, best, win), nx, ny, Math.round(si / bestCount), Math.round(sj / bestCount), 40, 3);
      save(`${stem}-${lesion.key}-${name}-zoom.png`, c.w, c.h, c.rgb);
    }
  }
  if (scan.timepointIndex === 0) {
    for (const k of [4, 12, 20, 28, 36, 44, 52, 58]) {
      save(`${stem}-overview-k${k}-soft.png`, nx, ny, renderSlice(image.data, seg.data, nx, ny, k, SOFT_TISSUE_WINDOW));
      if (k >= 20) save(`${stem}-overview-k${k}-lung.png`, nx, ny, renderSlice(image.data, seg.data, nx, ny, k, LUNG_WINDOW));
    }
    save(`${stem}-overview-k28-bone.png`, nx, ny, renderSlice(image.data, null, nx, ny, 28, BONE_WINDOW));
  }
}
process.stdout.write(`${written.length} previews in ${outDir}\n`);
