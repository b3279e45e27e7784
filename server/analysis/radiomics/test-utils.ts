/**
 * Helpers shared by this folder's tests: the IBSI digital phantom and its reference table.
 * Not used by the core.
 */
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { AnalysisError } from "../errors";
import type { Affine, LabelMap, Volume } from "../types";

export const PHANTOM_DIR = fileURLToPath(new URL("../__fixtures__/ibsi-digital-phantom/", import.meta.url));
export const SCANS_DIR = fileURLToPath(new URL("../../../../shared/reference-data/scans/", import.meta.url));
export const SCANS_EXIST = existsSync(SCANS_DIR);

/** The phantom (phantom.json: flat arrays, x fastest, 5 x 4 x 4, 2 mm) as core volumes. */
export function loadPhantom(): { image: Volume; mask: LabelMap } {
  const json = JSON.parse(readFileSync(PHANTOM_DIR + "phantom.json", "utf8")) as { image: number[]; mask: number[] };
  // NIfTI sform of the phantom: diag(-2, -2, 2) in RAS.
  const affine: Affine = [-2, 0, 0, 0, 0, -2, 0, 0, 0, 0, 2, 0, 0, 0, 0, 1];
  const grid = { dims: [5, 4, 4] as [number, number, number], spacingMm: [2, 2, 2] as [number, number, number], affine };
  return { image: { ...grid, data: Int16Array.from(json.image) }, mask: { ...grid, data: Uint8Array.from(json.mask) } };
}

/** Minimal RFC 4180 CSV reader (quoted fields may hold commas and doubled quotes). */
export function parseCsv(text: string): Record<string, string>[] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") {
      row.push(field);
      field = "";
    } else if (c === "\n" || c === "\r") {
      if (c === "\r" && text[i + 1] === "\n") i++;
      row.push(field);
      if (row.length > 1 || row[0] !== "") rows.push(row);
      row = [];
      field = "";
    } else field += c;
  }
  if (field !== "" || row.length > 0) rows.push([...row, field]);
  const [header, ...body] = rows;
  return body.map((r) => Object.fromEntries(header.map((h, k) => [h, r[k] ?? ""])));
}

export interface ReferenceRow {
  family: string;
  feature: string;
  code: string;
  tag: string;
  aggregation: string;
  value: number;
  pyradiomics: number | null;
}

/** reference_values.csv (authoritative IBSI consensus values for the phantom). */
export function referenceRows(): ReferenceRow[] {
  return parseCsv(readFileSync(PHANTOM_DIR + "reference_values.csv", "utf8")).map((r) => ({
    family: r.family,
    feature: r.feature,
    code: r.ibsi_code,
    tag: r.ibsi_submission_tag,
    aggregation: r.aggregation,
    value: Number(r.value),
    pyradiomics: r.pyradiomics_value_2019 === "" ? null : Number(r.pyradiomics_value_2019),
  }));
}

/** mapping_phantom.csv: IBSI submission tag -> PyRadiomics feature ("3D_original_glcm_JointEntropy"). */
export function pyradiomicsMapping(): Map<string, string> {
  const rows = parseCsv(readFileSync(PHANTOM_DIR + "mapping_phantom.csv", "utf8"));
  return new Map(rows.map((r) => [r.tag, r.pyradiomics_feature]));
}

/** Rounds to 3 significant figures, the precision of the IBSI reference values. */
export function sig3(x: number): number {
  return Number(x.toPrecision(3));
}

/** The AnalysisError `fn` throws (fails when it throws nothing or something else). */
export function errorOf(fn: () => unknown): AnalysisError {
  try {
    fn();
  } catch (e) {
    if (e instanceof AnalysisError) return e;
    throw e;
  }
  throw new Error("expected an AnalysisError, nothing was thrown");
}
