import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { recistAxes } from "../analysis/imaging/recist";
import { anatomyFor } from "./anatomy";
import { generateTimepoint, lesionLabels } from "./ct-phantom";
import { TISSUE } from "./painter";
import { toWorld } from "./patient";
import { SCAN_DIMS, SCAN_SPACING_MM, columnOf, rowOf, scanAffine, sliceOf } from "./scan-grid";
import { demoCases, type DemoCase } from "./story";

/** Tests that build anatomies (a few seconds each, more on a busy machine) get a roomy timeout. */
const SLOW_MS = 180_000;

const sha = (a: ArrayBufferView) => createHash("sha256").update(new Uint8Array(a.buffer, a.byteOffset, a.byteLength)).digest("hex");
const crc = demoCases.find((c) => c.slug === "crc-anti-egfr")!;

function labelSet(labels: Uint8Array): Set<number> {
  const s = new Set<number>();
  for (const v of labels) if (v) s.add(v);
  return s;
}

/** The timepoint at which a lesion is largest (where it must fit its organ). */
const largestTimepoint = (sizes: (number | null)[]) => sizes.indexOf(Math.max(...sizes.map((s) => s ?? 0)));

describe("demo CT phantom: lesion label maps follow the story", () => {
  const all = demoCases.flatMap((c) => c.imagingDays.map((_, tp) => ({ c, tp })));

  it.each(all.map(({ c, tp }) => [c.slug, tp, c] as [string, number, DemoCase]))("%s tp%i has exactly the lesions present (null: not yet, 0: gone)", (_slug, tp, c) => {
    const expected = c.lesions.filter((l) => (l.sizesMm[tp] ?? 0) > 0).map((l) => l.label);
    expect([...labelSet(lesionLabels(c, tp))].sort()).toEqual(expected.sort());
  });

  it("reproduces every story size within 1 mm (RECIST long axis; short axis for lymph nodes)", () => {
    for (const { c, tp } of all) {
      const labels = lesionLabels(c, tp);
      for (const l of c.lesions) {
        const size = l.sizesMm[tp];
        if (!size) continue;
        const mask = new Uint8Array(labels.length);
        for (let p = 0; p < labels.length; p++) mask[p] = labels[p] === l.label ? 1 : 0;
        const axes = recistAxes(mask, SCAN_DIMS, SCAN_SPACING_MM, scanAffine());
        const measured = l.isLymphNode ? axes.shortAxisMm : axes.longAxisMm;
        expect(Math.abs(measured - size), `${c.slug} tp${tp} ${l.key}: ${measured.toFixed(2)} mm vs ${size} mm`).toBeLessThanOrEqual(1);
        // Lymph nodes are ovals with the long axis about 1.4 times the short one.
        if (l.isLymphNode) expect(axes.longAxisMm / axes.shortAxisMm).toBeCloseTo(1.4, 0);
      }
    }
  });

  it("centres each lesion's largest cross-section on a slice: the long axis lies on the middle labelled slice", () => {
    const labels = lesionLabels(crc, 0);
    const mask = labels.map((v) => (v === 1 ? 1 : 0));
    const slices = new Set<number>();
    mask.forEach((v, p) => v && slices.add(Math.floor(p / (SCAN_DIMS[0] * SCAN_DIMS[1]))));
    const sorted = [...slices].sort((a, b) => a - b);
    expect(recistAxes(mask, SCAN_DIMS, SCAN_SPACING_MM, scanAffine()).sliceIndex).toBe(sorted[(sorted.length - 1) / 2]);
  });
});

describe("demo CT phantom: anatomy and image", () => {
  // A fresh build in another thread giving the same bytes is tested in generate.test.ts.
  it("is deterministic: same case and timepoint, same voxels", () => {
    const a = generateTimepoint(crc, 1);
    const b = generateTimepoint(crc, 1);
    expect(sha(a.image.data)).toBe(sha(b.image.data));
    expect(sha(a.labels.data)).toBe(sha(b.labels.data));
    // A new scan gets new noise: another timepoint differs even where nothing changed.
    expect(sha(generateTimepoint(crc, 2).image.data)).not.toBe(sha(a.image.data));
  }, SLOW_MS);

  it("has CT-plausible HU per tissue (liver 50-70, lung < -700, fat ~ -100, cortical bone > 300, aorta ~ +150) and ~14 HU noise", () => {
    const { image, labels } = generateTimepoint(crc, 0);
    const { tissue, hu } = anatomyFor(crc);
    const stats = (t: number) => {
      let n = 0, sum = 0, noise = 0;
      for (let p = 0; p < tissue.length; p++) {
        if (tissue[p] !== t || labels.data[p]) continue;
        n++;
        sum += image.data[p];
        noise += (image.data[p] - hu[p]) ** 2;
      }
      return { n, mean: sum / n, noiseSd: Math.sqrt(noise / n) };
    };
    const liver = stats(TISSUE.liver);
    expect(liver.n).toBeGreaterThan(100_000);
    expect(liver.mean).toBeGreaterThan(50);
    expect(liver.mean).toBeLessThan(70);
    expect(liver.noiseSd).toBeGreaterThan(11);
    expect(liver.noiseSd).toBeLessThan(18);
    expect(stats(TISSUE.lung).mean).toBeLessThan(-700);
    const fat = stats(TISSUE.fat).mean;
    expect(fat).toBeGreaterThan(-115);
    expect(fat).toBeLessThan(-80);
    expect(stats(TISSUE.cortical).mean).toBeGreaterThan(300);
    const muscle = stats(TISSUE.muscle).mean;
    expect(muscle).toBeGreaterThan(30);
    expect(muscle).toBeLessThan(60);
    // Contrast-filled descending aorta, sampled over a 5 x 5 patch at its centre (~ +150 HU).
    const [ax, ay, az] = toWorld(anatomyFor(crc).patient, [-27, -26, 60]);
    const k = Math.round(sliceOf(az)), ci = Math.round(columnOf(ax)), rj = Math.round(rowOf(ay));
    let aorta = 0;
    for (let dj = -2; dj <= 2; dj++) for (let di = -2; di <= 2; di++) aorta += image.data[(k * SCAN_DIMS[1] + rj + dj) * SCAN_DIMS[0] + ci + di] / 25;
    expect(aorta).toBeGreaterThan(130);
    expect(aorta).toBeLessThan(170);
    expect(stats(TISSUE.air).mean).toBeLessThan(-950);
  }, SLOW_MS);

  it("is oriented radiologically: patient right at low columns, anterior at low rows, superior at high slices", () => {
    const { tissue } = anatomyFor(crc);
    const [nx, ny] = SCAN_DIMS;
    const centroid = (t: number) => {
      let n = 0, i = 0, j = 0, k = 0;
      for (let p = 0; p < tissue.length; p++) {
        if (tissue[p] !== t) continue;
        n++;
        i += p % nx;
        j += Math.floor(p / nx) % ny;
        k += Math.floor(p / (nx * ny));
      }
      return [i / n, j / n, k / n];
    };
    const liver = centroid(TISSUE.liver), spleen = centroid(TISSUE.spleen), lung = centroid(TISSUE.lung);
    const heart = centroid(TISSUE.myocardium), spine = centroid(TISSUE.cancellous);
    expect(liver[0]).toBeLessThan(nx / 2); // the liver is on the patient's right: image left
    expect(spleen[0]).toBeGreaterThan(nx / 2);
    expect(heart[0]).toBeGreaterThan(nx / 2); // heart toward the patient's left
    expect(heart[1]).toBeLessThan(spine[1]); // heart anterior to the spine
    expect(lung[2]).toBeGreaterThan(liver[2]); // lungs above the liver
    expect(scanAffine().slice(0, 11)).toEqual([-0.9, 0, 0, expect.any(Number), 0, -0.9, 0, expect.any(Number), 0, 0, 5]);
  }, SLOW_MS);

  // Last: it builds the other cases' anatomies (one is cached at a time).
  it("puts each lesion, at its largest, inside its organ", () => {
    const allowed: Record<string, number[]> = {
      liver: [TISSUE.liver, TISSUE.blood],
      lung: [TISSUE.lung, TISSUE.blood],
      "lymph node": [TISSUE.fat],
      adrenal: [TISSUE.fat, TISSUE.adrenal],
      "soft tissue": [TISSUE.fat],
    };
    for (const c of demoCases) {
      const { tissue } = anatomyFor(c);
      for (const l of c.lesions) {
        const labels = lesionLabels(c, largestTimepoint(l.sizesMm));
        let n = 0, inside = 0;
        for (let p = 0; p < labels.length; p++) {
          if (labels[p] !== l.label) continue;
          n++;
          if (allowed[l.organ].includes(tissue[p])) inside++;
        }
        expect(inside / n, `${c.slug} ${l.key} (${l.site})`).toBeGreaterThanOrEqual(0.95);
      }
    }
  }, SLOW_MS);
});
