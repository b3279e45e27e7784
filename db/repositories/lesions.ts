import { asc, eq, inArray } from "drizzle-orm";
import type { Db } from "../client";
import { lesionMeasurements, lesions, timepoints } from "../schema";

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
