/**
 * The liquid-profiling series of shared DEMO.md as CSV text in the SPEC format, on the same day
 * offsets as the imaging fixtures. "not detected" rows carry an assay LOD of 0.1 % VAF.
 */
import { day } from "../../response/__fixtures__/demo-imaging";

const HEADER = "date,analyte_type,gene,variant,analyte,value,unit,lod,detected";
type Value = number | "nd";

function variantRows(gene: string, variant: string, series: [number, Value][]): string[] {
  return series.map(([d, v]) => `${day(d)},variant,${gene},${variant},,${v === "nd" ? "" : v},%,0.1,${v !== "nd"}`);
}

function markerRows(name: string, unit: string, series: [number, number][]): string[] {
  return series.map(([d, v]) => `${day(d)},marker,,,${name},${v},${unit},,true`);
}

/** Case 1: APC, TP53 falling then rising; KRAS G12D emerging under cetuximab; CEA. */
export const case1Csv = [
  HEADER,
  ...variantRows("APC", "p.R876*", [[-10, 18.0], [63, 4.1], [147, 3.2], [231, 6.3]]),
  ...variantRows("TP53", "p.R175H", [[-10, 15.2], [63, 3.3], [147, 2.9], [231, 5.4]]),
  ...variantRows("KRAS", "p.G12D", [[-10, "nd"], [63, "nd"], [147, 0.4], [231, 2.1]]),
  ...markerRows("CEA", "ng/mL", [[-10, 86], [63, 22], [147, 18], [231, 41]]),
].join("\n");

/** Case 2: EGFR exon 19 deletion falling then rising; C797S emerging under osimertinib. */
export const case2Csv = [
  HEADER,
  ...variantRows("EGFR", '"exon 19 deletion"', [[-11, 6.2], [77, 0.3], [161, 1.8]]),
  ...variantRows("EGFR", "p.C797S", [[-11, "nd"], [77, "nd"], [161, 0.5]]),
].join("\r\n");

/** Case 3: BRAF V600E cleared by +70, before the scans respond. */
export const case3Csv = [HEADER, ...variantRows("BRAF", "p.V600E", [[-7, 9.5], [35, 0.6], [70, "nd"], [126, "nd"]])].join("\n");
