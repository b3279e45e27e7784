/**
 * Demo-shaped inputs for the panels' data tests (shared/DEMO.md case 1 and 3), built with the
 * same per-lesion arithmetic as the response core so the tests read like the board's story.
 */
import type { RecistTimepointResult } from "./types";

type Kind = "target" | "non-target" | "new";

/** Per-lesion changes from a size series (mm, null = not yet present), as the response core reports them. */
export function timepointsFromSizes(
  dates: string[],
  lesions: { id: string; kind: Kind; sizes: (number | null)[] }[],
  overall: (string | null)[],
  mixed: boolean[] = dates.map(() => false),
): RecistTimepointResult[] {
  return dates.map((date, t) => ({
    id: `tp${t}`,
    date,
    sumMm: null,
    nadirMm: null,
    changeFromBaselinePct: null,
    changeFromNadirPct: null,
    targetResponse: null,
    nonTargetResponse: null,
    newLesions: lesions.some((l) => l.kind === "new" && (l.sizes[t] ?? 0) > 0),
    overallResponse: overall[t] as RecistTimepointResult["overallResponse"],
    mixedResponse: mixed[t]!,
    notes: [],
    lesions: lesions
      .filter((l) => l.sizes[t] !== null)
      .map((l) => {
        const size = l.sizes[t]!;
        const base = l.sizes[0];
        const before = l.sizes.slice(0, t).filter((s): s is number => s !== null);
        const nadir = before.length ? Math.min(...before) : null;
        return {
          lesionId: l.id,
          kind: l.kind,
          sizeMm: size,
          changeFromBaselineMm: base == null ? null : size - base,
          changeFromBaselinePct: base == null ? null : ((size - base) / base) * 100,
          nadirMm: nadir,
          changeFromNadirMm: nadir === null ? null : size - nadir,
          changeFromNadirPct: nadir ? ((size - nadir) / nadir) * 100 : null,
          volumeMl: null,
          volumeChangeFromBaselinePct: null,
          volumeChangeFromNadirPct: null,
          volumetricCategory: null,
        };
      }),
  }));
}

/** Case 1 (DEMO.md): mixed response under FOLFIRI + cetuximab, L3 growing since +63, L5 new at +231. */
export const case1Timepoints = timepointsFromSizes(
  ["2026-03-20", "2026-06-01", "2026-08-24", "2026-11-16"],
  [
    { id: "L1", kind: "target", sizes: [42, 28, 24, 23] },
    { id: "L2", kind: "target", sizes: [31, 19, 15, 14] },
    { id: "L3", kind: "non-target", sizes: [24, 18, 23, 31] },
    { id: "L4", kind: "target", sizes: [14, 13, 13, 14] },
    { id: "L5", kind: "new", sizes: [null, null, null, 12] },
  ],
  [null, "PR", "PR", "PD"],
  [false, false, true, true],
);
export const case1TherapyStart = "2026-03-30";

/** Case 3 (DEMO.md): pseudoprogression, U2 new at +70 and gone at +126. */
export const case3Timepoints = timepointsFromSizes(
  ["2026-07-06", "2026-09-21", "2026-11-16"],
  [
    { id: "S1", kind: "target", sizes: [28, 24, 14] },
    { id: "H1", kind: "target", sizes: [35, 41, 26] },
    { id: "U2", kind: "new", sizes: [null, 8, 0] },
  ],
  [null, "iUPD", "iPR"],
);
