import { and, asc, eq, inArray } from "drizzle-orm";
import type { Db } from "../client";
import { featureSets, lesionMeasurements, lesions, timepoints } from "../schema";

export type LesionRow = typeof lesions.$inferSelect;
export type MeasurementRow = typeof lesionMeasurements.$inferSelect;

export interface LesionWithMeasurements {
  id: string;
  trackingId: string;
  label: number;
  site: string;
  organ: string;
  isLymphNode: boolean;
  recistRole: LesionRow["recistRole"];
  measurements: (Omit<MeasurementRow, "lesionId" | "updatedAt"> & { date: string })[];
}

export async function addLesion(db: Db, input: typeof lesions.$inferInsert): Promise<{ id: string }> {
  const [l] = await db.insert(lesions).values(input).returning({ id: lesions.id });
  return l!;
}

/** Inserts or replaces the measurement of a lesion at a timepoint (idempotent). */
export async function upsertMeasurement(db: Db, input: typeof lesionMeasurements.$inferInsert): Promise<void> {
  const { lesionId: _l, timepointId: _t, ...rest } = input;
  await db
    .insert(lesionMeasurements)
    .values(input)
    .onConflictDoUpdate({ target: [lesionMeasurements.lesionId, lesionMeasurements.timepointId], set: { ...rest, updatedAt: new Date() } });
}

/** The case's lesions by tracking id, each with its measurements in date order. */
export async function listLesionsWithMeasurements(db: Db, caseId: string): Promise<LesionWithMeasurements[]> {
  const rows = await db.select().from(lesions).where(eq(lesions.caseId, caseId)).orderBy(asc(lesions.label));
  if (rows.length === 0) return [];
  const ms = await db
    .select({ m: lesionMeasurements, date: timepoints.date })
    .from(lesionMeasurements)
    .innerJoin(timepoints, eq(timepoints.id, lesionMeasurements.timepointId))
    .where(inArray(lesionMeasurements.lesionId, rows.map((r) => r.id)))
    .orderBy(asc(timepoints.date));
  return rows.map((l) => ({
    id: l.id,
    trackingId: l.trackingId,
    label: l.label,
    site: l.site,
    organ: l.organ,
    isLymphNode: l.isLymphNode,
    recistRole: l.recistRole,
    measurements: ms
      .filter((x) => x.m.lesionId === l.id)
      .map(({ m, date }) => {
        const { lesionId: _l, updatedAt: _u, ...rest } = m;
        return { ...rest, date };
      }),
  }));
}

export async function putFeatureSet(db: Db, input: { lesionId: string; timepointId: string; mode: string; settings: Record<string, unknown>; features: Record<string, number> }): Promise<void> {
  await db
    .insert(featureSets)
    .values(input)
    .onConflictDoUpdate({
      target: [featureSets.lesionId, featureSets.timepointId, featureSets.mode],
      set: { settings: input.settings, features: input.features, computedAt: new Date() },
    });
}

export async function listFeatureSets(db: Db, caseId: string, mode: string): Promise<{ lesionId: string; timepointId: string; features: Record<string, number> }[]> {
  return db
    .select({ lesionId: featureSets.lesionId, timepointId: featureSets.timepointId, features: featureSets.features })
    .from(featureSets)
    .innerJoin(lesions, eq(lesions.id, featureSets.lesionId))
    .where(and(eq(lesions.caseId, caseId), eq(featureSets.mode, mode)));
}

/** The case's lesions keyed by segmentation label. */
export async function lesionsByLabel(db: Db, caseId: string): Promise<Map<number, LesionRow>> {
  const rows = await db.select().from(lesions).where(eq(lesions.caseId, caseId));
  return new Map(rows.map((r) => [r.label, r]));
}
