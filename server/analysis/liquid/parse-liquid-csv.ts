/**
 * The liquid-profiling CSV importer (SPEC C1-C5). Strict and all-or-nothing: every rejected line
 * is reported with its number and reasons, and no rows are returned unless all are valid.
 */
import { csvLines, splitCsvLine } from "./csv-reader";
import { ANALYTE_PATTERN, GENE_PATTERN, UNIT_PATTERN, VARIANT_PATTERN, parseDecimal, textProblem } from "./text-checks";
import type { AnalyteType, LiquidResult } from "./types";
import { crossResultProblems, resultProblems } from "./validate-results";

export const CSV_COLUMNS = ["date", "analyte_type", "gene", "variant", "analyte", "value", "unit", "lod", "detected"] as const;
type Column = (typeof CSV_COLUMNS)[number];

/** C2: larger inputs are refused before parsing (a patient's series is a few hundred rows). */
export const MAX_CSV_CHARS = 5_000_000;
export const MAX_CSV_ROWS = 10_000;
const MAX_FIELD_CHARS = 200;

export interface CsvError {
  /** 1-based line number; 0 for the file as a whole. */
  line: number;
  reason: string;
}

export type LiquidCsvResult = { ok: true; rows: LiquidResult[] } | { ok: false; errors: CsvError[] };

function readHeader(fields: string[]): { columns: Column[] } | { error: string } {
  const names = fields.map((f) => f.trim().toLowerCase());
  const unknown = names.filter((n) => !(CSV_COLUMNS as readonly string[]).includes(n));
  const missing = CSV_COLUMNS.filter((c) => !names.includes(c));
  const repeated = names.filter((n, i) => names.indexOf(n) !== i);
  const problems = [
    unknown.length ? `unknown column(s) ${unknown.map((n) => `"${n}"`).join(", ")}` : "",
    missing.length ? `missing column(s) ${missing.join(", ")}` : "",
    repeated.length ? `repeated column(s) ${repeated.join(", ")}` : "",
  ].filter(Boolean);
  return problems.length ? { error: `header: ${problems.join("; ")} (expected ${CSV_COLUMNS.join(",")})` } : { columns: names as Column[] };
}

function readRow(get: (c: Column) => string): { row: LiquidResult } | { problems: string[] } {
  const problems: string[] = [];
  const type = get("analyte_type").toLowerCase();
  if (type !== "variant" && type !== "marker" && type !== "tumor_fraction") {
    return { problems: [`analyte_type "${get("analyte_type")}" must be variant, marker or tumor_fraction`] };
  }
  const text = (c: Column, pattern: RegExp): string | null => {
    const v = get(c);
    if (!v) return null;
    const problem = textProblem(c, v, pattern);
    if (problem) problems.push(problem);
    return v;
  };
  const gene = text("gene", GENE_PATTERN);
  const variant = text("variant", VARIANT_PATTERN);
  const analyte = text("analyte", ANALYTE_PATTERN) ?? (type === "variant" && gene && variant ? `${gene} ${variant}` : "");
  const unit = text("unit", UNIT_PATTERN) ?? "";
  const number = (c: Column): number | null => {
    const v = get(c);
    if (!v) return null;
    const n = parseDecimal(v);
    if (n === null) problems.push(`${c} "${v}" is not a plain non-negative number`);
    return n;
  };
  const value = number("value");
  const lod = number("lod");
  const detectedText = get("detected").toLowerCase();
  if (detectedText !== "true" && detectedText !== "false") problems.push(`detected "${get("detected")}" must be true or false`);
  if (problems.length) return { problems };
  const row: LiquidResult = { date: get("date"), analyteType: type as AnalyteType, analyte, gene, variant, value, unit, lod, detected: detectedText === "true" };
  const consistency = resultProblems(row);
  return consistency.length ? { problems: consistency } : { row };
}

/**
 * Parses the liquid-profiling CSV (format in SPEC.md, columns `CSV_COLUMNS`).
 * @returns `{ ok: true, rows }` in file order, or `{ ok: false, errors }` listing every rejected
 *   line (1-based, header = line 1) with its reasons
 */
export function parseLiquidCsv(text: string): LiquidCsvResult {
  if (typeof text !== "string") return { ok: false, errors: [{ line: 0, reason: "input is not text" }] };
  if (text.length > MAX_CSV_CHARS) return { ok: false, errors: [{ line: 0, reason: `file larger than ${MAX_CSV_CHARS} characters` }] };
  const lines = csvLines(text);
  if (!lines.length) return { ok: false, errors: [{ line: 0, reason: "file is empty: a header line is required" }] };
  if (lines.length - 1 > MAX_CSV_ROWS) return { ok: false, errors: [{ line: lines[MAX_CSV_ROWS + 1]!.line, reason: `more than ${MAX_CSV_ROWS} data rows` }] };
  const headerLine = lines[0]!;
  const headerFields = splitCsvLine(headerLine.text);
  if ("error" in headerFields) return { ok: false, errors: [{ line: headerLine.line, reason: headerFields.error }] };
  const header = readHeader(headerFields.fields);
  if ("error" in header) return { ok: false, errors: [{ line: headerLine.line, reason: header.error }] };
  if (lines.length === 1) return { ok: false, errors: [{ line: headerLine.line, reason: "no data rows after the header" }] };

  const errors: CsvError[] = [];
  const rows: LiquidResult[] = [];
  const rowLines: number[] = [];
  for (const { line, text: lineText } of lines.slice(1)) {
    const split = splitCsvLine(lineText);
    if ("error" in split) {
      errors.push({ line, reason: split.error });
      continue;
    }
    if (split.fields.length !== header.columns.length) {
      errors.push({ line, reason: `${split.fields.length} fields, the header has ${header.columns.length}` });
      continue;
    }
    const long = split.fields.findIndex((f) => f.length > MAX_FIELD_CHARS);
    if (long >= 0) {
      errors.push({ line, reason: `field ${header.columns[long]} longer than ${MAX_FIELD_CHARS} characters` });
      continue;
    }
    const read = readRow((c) => split.fields[header.columns.indexOf(c)]!);
    if ("problems" in read) errors.push({ line, reason: read.problems.join("; ") });
    else {
      rows.push(read.row);
      rowLines.push(line);
    }
  }
  for (const [i, reason] of crossResultProblems(rows, (k) => `line ${rowLines[k]}`)) errors.push({ line: rowLines[i]!, reason });
  if (errors.length) return { ok: false, errors: errors.sort((a, b) => a.line - b.line) };
  return { ok: true, rows };
}
