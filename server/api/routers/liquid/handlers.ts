import { TRPCError } from "@trpc/server";
import type { Db } from "@/db/client";
import { putLiquidSample, type LiquidResultInput } from "@/db/repositories/liquid";
import { parseFhirBundle, parseLiquidCsv, type LiquidResult } from "@/server/analysis/liquid";
import { recomputeCaseAnalyses } from "@/server/case-analysis/recompute";
import type { ProtectedContext } from "../../trpc";
import { authorizeCase } from "../../access";

type Rejection = { where: string; reason: string };

function parse(format: "csv" | "fhir", content: string): { rows: LiquidResult[] } | { errors: Rejection[] } {
  if (format === "csv") {
    const r = parseLiquidCsv(content);
    return r.ok ? { rows: r.rows } : { errors: r.errors.map((e) => ({ where: `line ${e.line}`, reason: e.reason })) };
  }
  let json: unknown;
  try {
    json = JSON.parse(content);
  } catch (e) {
    return { errors: [{ where: "file", reason: `not valid JSON: ${(e as Error).message}` }] };
  }
  const r = parseFhirBundle(json);
  return r.ok ? { rows: r.rows } : { errors: r.errors.map((e) => ({ where: `entry ${e.index}`, reason: e.reason })) };
}

function toStored(r: LiquidResult): LiquidResultInput {
  return {
    kind: r.analyteType === "tumor_fraction" ? "tumor-fraction" : r.analyteType,
    analyte: r.analyteType === "variant" ? (r.gene ?? r.analyte) : r.analyte,
    variant: r.analyteType === "variant" ? (r.variant ?? "") : "",
    detected: r.detected,
    value: r.detected ? r.value : null,
    unit: r.unit,
    lod: r.lod,
  };
}

export async function importLiquid(ctx: ProtectedContext, input: { caseId: string; format: "csv" | "fhir"; content: string }) {
  await authorizeCase(ctx, input.caseId, "liquid.import", { format: input.format, chars: input.content.length });
  const parsed = parse(input.format, input.content);
  if ("errors" in parsed) {
    const shown = parsed.errors.slice(0, 20).map((e) => `${e.where}: ${e.reason}`);
    throw new TRPCError({
      code: "BAD_REQUEST",
      message: `Nothing was imported: ${parsed.errors.length} problem(s). ${shown.join("; ")}${parsed.errors.length > 20 ? "; …" : ""}`,
      cause: Object.assign(new Error("liquid import rejected"), { rejections: parsed.errors }),
    });
  }
  const byDate = new Map<string, LiquidResult[]>();
  for (const r of parsed.rows) byDate.set(r.date, [...(byDate.get(r.date) ?? []), r]);
  // All samples or none: one transaction.
  await ctx.db.transaction(async (tx) => {
    for (const [date, rows] of byDate) {
      await putLiquidSample(tx as unknown as Db, { caseId: input.caseId, date, source: input.format, results: rows.map(toStored) });
    }
  });
  await recomputeCaseAnalyses(ctx.db, input.caseId);
  return { samples: byDate.size, results: parsed.rows.length };
}
