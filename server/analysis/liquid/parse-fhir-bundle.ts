/**
 * FHIR R4 Bundle importer (SPEC F1-F4): Observation resources for serum tumor markers (LOINC) and
 * ctDNA variants (LOINC 69548-6 with gene, HGVS and allelic-frequency components, as in the HL7
 * Genomics Reporting IG). Strict and all-or-nothing: every rejected entry is reported by index.
 */
import { isIsoDate } from "../response/iso-date";
import { GENE_PATTERN, UNIT_PATTERN, VARIANT_PATTERN, textProblem } from "./text-checks";
import type { LiquidResult } from "./types";
import { crossResultProblems, resultProblems } from "./validate-results";

const LOINC = "http://loinc.org";
/** F2: serum tumor markers by LOINC code. */
export const MARKER_LOINC: Record<string, string> = { "2039-6": "CEA", "24108-3": "CA 19-9", "10334-1": "CA-125", "2857-1": "PSA" };
const VARIANT_ASSESSMENT = "69548-6";
const GENE_STUDIED = "48018-6";
const DNA_CHANGE = "48004-6";
const AMINO_ACID_CHANGE = "48005-3";
const ALLELIC_FREQUENCY = "81258-6";
const PRESENT = "LA9633-4";
const ABSENT = "LA9634-2";
const MAX_ENTRIES = 10_000;
const ACCEPTED_STATUS = new Set(["final", "amended", "corrected"]);

export interface FhirError {
  /** Index in `Bundle.entry`; -1 for the bundle itself. */
  index: number;
  reason: string;
}

export type FhirImportResult = { ok: true; rows: LiquidResult[] } | { ok: false; errors: FhirError[] };

type Json = Record<string, unknown>;
const obj = (v: unknown): Json | null => (v && typeof v === "object" && !Array.isArray(v) ? (v as Json) : null);
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

function loincCode(concept: unknown): string | null {
  const coding = arr(obj(concept)?.coding).map(obj).find((c) => c?.system === LOINC && typeof c.code === "string");
  return (coding?.code as string | undefined) ?? null;
}

/** The text of a CodeableConcept: its first coding's display or code, else its text. */
function conceptText(concept: unknown): string | null {
  const c = obj(concept);
  const coding = arr(c?.coding).map(obj).find((x) => typeof x?.display === "string" || typeof x?.code === "string");
  const v = coding?.display ?? coding?.code ?? c?.text;
  return typeof v === "string" ? v.trim() : null;
}

function quantity(q: unknown): { value: number; unit: string; comparator?: string } | string {
  const v = obj(q);
  if (!v || typeof v.value !== "number" || !Number.isFinite(v.value)) return "valueQuantity.value must be a number";
  const unit = typeof v.unit === "string" ? v.unit : typeof v.code === "string" ? v.code : null;
  if (!unit) return "valueQuantity needs a unit";
  return { value: v.value, unit, comparator: typeof v.comparator === "string" ? v.comparator : undefined };
}

function readMarker(r: Json, date: string, analyte: string): LiquidResult | string {
  const q = quantity(r.valueQuantity);
  if (typeof q === "string") return q;
  const unitProblem = textProblem("unit", q.unit, UNIT_PATTERN);
  if (unitProblem) return unitProblem;
  if (q.comparator === "<" || q.comparator === "<=") {
    // "<0.5 ng/mL": below the assay's limit, which we keep as the LOD.
    return { date, analyteType: "marker", analyte, gene: null, variant: null, value: null, unit: q.unit, lod: q.value, detected: false };
  }
  if (q.comparator) return `valueQuantity.comparator "${q.comparator}" is not supported`;
  return { date, analyteType: "marker", analyte, gene: null, variant: null, value: q.value, unit: q.unit, lod: null, detected: true };
}

function readVariant(r: Json, date: string): LiquidResult | string {
  const components = new Map<string, Json>();
  for (const c of arr(r.component).map(obj)) {
    const code = c && loincCode(c.code);
    if (code) components.set(code, c);
  }
  const gene = conceptText(components.get(GENE_STUDIED)?.valueCodeableConcept);
  if (!gene) return `component ${GENE_STUDIED} (gene studied) is required`;
  const change = components.get(AMINO_ACID_CHANGE) ?? components.get(DNA_CHANGE);
  const variant = change ? conceptText(change.valueCodeableConcept) ?? (typeof change.valueString === "string" ? change.valueString : null) : null;
  if (!variant) return `component ${AMINO_ACID_CHANGE} or ${DNA_CHANGE} (HGVS change) is required`;
  const problem = textProblem("gene", gene, GENE_PATTERN) ?? textProblem("variant", variant, VARIANT_PATTERN);
  if (problem) return problem;
  const call = loincCode(r.valueCodeableConcept);
  let vaf: number | null = null;
  const af = components.get(ALLELIC_FREQUENCY);
  if (af) {
    const q = quantity(af.valueQuantity);
    if (typeof q === "string") return `allelic frequency: ${q}`;
    // LOINC 81258-6 is a number fraction; the Genomics IG writes it with UCUM "1", some labs in "%".
    if (q.unit === "1") vaf = q.value * 100;
    else if (q.unit === "%") vaf = q.value;
    else return `allelic frequency unit must be "%" or "1", got "${q.unit}"`;
  }
  if (call && call !== PRESENT && call !== ABSENT) return `valueCodeableConcept must be ${PRESENT} (present) or ${ABSENT} (absent)`;
  const detected = call ? call === PRESENT : vaf !== null;
  if (detected && vaf === null) return `a present variant needs component ${ALLELIC_FREQUENCY} (allelic frequency)`;
  if (!detected && vaf) return "an absent variant cannot have an allelic frequency above 0";
  return { date, analyteType: "variant", analyte: `${gene} ${variant}`, gene, variant, value: detected ? vaf : null, unit: "%", lod: null, detected };
}

function readEntry(entry: unknown): LiquidResult | string {
  const r = obj(obj(entry)?.resource);
  if (!r) return "entry has no resource";
  if (r.resourceType !== "Observation") return `resourceType "${String(r.resourceType)}" is not Observation`;
  if (!ACCEPTED_STATUS.has(r.status as string)) return `status "${String(r.status)}" is not final, amended or corrected`;
  const when = typeof r.effectiveDateTime === "string" ? r.effectiveDateTime : null;
  // The date as written (the patient's local date); a time zone must not move it across midnight.
  const date = when && /^\d{4}-\d{2}-\d{2}(T|$)/.test(when) ? when.slice(0, 10) : null;
  if (!date || !isIsoDate(date)) return "effectiveDateTime must be a full date (YYYY-MM-DD...)";
  const code = loincCode(r.code);
  if (!code) return "code has no LOINC coding";
  const row = MARKER_LOINC[code] ? readMarker(r, date, MARKER_LOINC[code]) : code === VARIANT_ASSESSMENT ? readVariant(r, date) : `unsupported LOINC code ${code}`;
  if (typeof row === "string") return row;
  const problems = resultProblems(row);
  return problems.length ? problems.join("; ") : row;
}

/**
 * Reads a FHIR R4 Bundle of Observations into liquid-profiling results.
 * @returns `{ ok: true, rows }` in entry order, or `{ ok: false, errors }` with every rejected
 *   entry's index and reason (index -1: the bundle itself)
 */
export function parseFhirBundle(json: unknown): FhirImportResult {
  const bundle = obj(json);
  if (!bundle || bundle.resourceType !== "Bundle") return { ok: false, errors: [{ index: -1, reason: "not a FHIR Bundle (resourceType must be \"Bundle\")" }] };
  if (!Array.isArray(bundle.entry) || !bundle.entry.length) return { ok: false, errors: [{ index: -1, reason: "Bundle.entry must be a non-empty array" }] };
  if (bundle.entry.length > MAX_ENTRIES) return { ok: false, errors: [{ index: -1, reason: `more than ${MAX_ENTRIES} entries` }] };
  const errors: FhirError[] = [];
  const rows: LiquidResult[] = [];
  const indices: number[] = [];
  bundle.entry.forEach((entry, index) => {
    const row = readEntry(entry);
    if (typeof row === "string") errors.push({ index, reason: row });
    else {
      rows.push(row);
      indices.push(index);
    }
  });
  for (const [i, reason] of crossResultProblems(rows, (k) => `entry ${indices[k]}`)) errors.push({ index: indices[i]!, reason });
  if (errors.length) return { ok: false, errors: errors.sort((a, b) => a.index - b.index) };
  return { ok: true, rows };
}
