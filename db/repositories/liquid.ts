import { asc, eq } from "drizzle-orm";
import type { Db } from "../client";
import { liquidResults, liquidSamples } from "../schema";

export interface LiquidResultInput {
  kind: "variant" | "marker" | "tumor-fraction";
  analyte: string;
  variant?: string;
  detected: boolean;
  value: number | null;
  unit: string;
  lod: number | null;
}

/** Stores one sample with its results; replaces an existing sample of the same date and specimen. */
export async function putLiquidSample(
  db: Db,
  input: { caseId: string; date: string; specimen?: string; source: string; results: LiquidResultInput[] },
): Promise<void> {
  const specimen = input.specimen ?? "plasma";
  const [sample] = await db
    .insert(liquidSamples)
    .values({ caseId: input.caseId, date: input.date, specimen, source: input.source })
    .onConflictDoUpdate({ target: [liquidSamples.caseId, liquidSamples.date, liquidSamples.specimen], set: { source: input.source, importedAt: new Date() } })
    .returning({ id: liquidSamples.id });
  await db.delete(liquidResults).where(eq(liquidResults.sampleId, sample!.id));
  if (input.results.length > 0) {
    await db.insert(liquidResults).values(input.results.map((r) => ({ ...r, variant: r.variant ?? "", sampleId: sample!.id })));
  }
}

export interface LiquidSampleDto {
  id: string;
  date: string;
  specimen: string;
  source: string;
  results: LiquidResultInput[];
}

export async function listLiquidSamples(db: Db, caseId: string): Promise<LiquidSampleDto[]> {
  const rows = await db
    .select({ s: liquidSamples, r: liquidResults })
    .from(liquidSamples)
    .leftJoin(liquidResults, eq(liquidResults.sampleId, liquidSamples.id))
    .where(eq(liquidSamples.caseId, caseId))
    .orderBy(asc(liquidSamples.date), asc(liquidResults.analyte), asc(liquidResults.variant));
  const byId = new Map<string, LiquidSampleDto>();
  for (const { s, r } of rows) {
    let sample = byId.get(s.id);
    if (!sample) {
      sample = { id: s.id, date: s.date, specimen: s.specimen, source: s.source, results: [] };
      byId.set(s.id, sample);
    }
    if (r) sample.results.push({ kind: r.kind, analyte: r.analyte, variant: r.variant, detected: r.detected, value: r.value, unit: r.unit, lod: r.lod });
  }
  return [...byId.values()];
}
