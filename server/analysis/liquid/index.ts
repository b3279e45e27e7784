/** Liquid profiling: ctDNA and tumor-marker rules, trends, discordance and importers (SPEC.md). */
export { analyseLiquid, validateLiquidResults, LIQUID_DEFAULTS } from "./analyse-liquid";
export { findDiscordance, DEFAULT_DISCORDANCE_WINDOW_DAYS } from "./discordance";
export type { Discordance, DiscordanceKind, ImagingResponse } from "./discordance";
export { parseLiquidCsv, CSV_COLUMNS, MAX_CSV_ROWS, MAX_CSV_CHARS } from "./parse-liquid-csv";
export type { CsvError, LiquidCsvResult } from "./parse-liquid-csv";
export { parseFhirBundle, MARKER_LOINC } from "./parse-fhir-bundle";
export type { FhirError, FhirImportResult } from "./parse-fhir-bundle";
export { logLinearTrend } from "./trends";
export type * from "./types";
