import { and, asc, eq } from "drizzle-orm";
import type { Db } from "../client";
import { cases, imageVolumes, patients, timepoints } from "../schema";

export type VolumeKind = (typeof imageVolumes.$inferSelect)["kind"];
export interface VolumeDto {
  id: string;
  timepointId: string;
  caseId: string;
  kind: VolumeKind;
  sha256: string;
  byteSize: number;
  fileName: string;
  dims: [number, number, number];
  spacingMm: [number, number, number];
}

const columns = {
  id: imageVolumes.id,
  timepointId: imageVolumes.timepointId,
  caseId: timepoints.caseId,
  kind: imageVolumes.kind,
  sha256: imageVolumes.sha256,
  byteSize: imageVolumes.byteSize,
  fileName: imageVolumes.fileName,
  dims: imageVolumes.dims,
  spacingMm: imageVolumes.spacingMm,
};

/** Records a timepoint's volume of a kind, replacing the previous one (idempotent). */
export async function putVolume(db: Db, input: Omit<typeof imageVolumes.$inferInsert, "id" | "createdAt">): Promise<{ id: string }> {
  const { timepointId: _t, kind: _k, ...rest } = input;
  const [row] = await db
    .insert(imageVolumes)
    .values(input)
    .onConflictDoUpdate({ target: [imageVolumes.timepointId, imageVolumes.kind], set: { ...rest, createdAt: new Date() } })
    .returning({ id: imageVolumes.id });
  return row!;
}

export async function findVolume(db: Db, volumeId: string): Promise<VolumeDto | undefined> {
  const [row] = await db.select(columns).from(imageVolumes).innerJoin(timepoints, eq(timepoints.id, imageVolumes.timepointId)).where(eq(imageVolumes.id, volumeId));
  return row;
}

export async function findTimepointVolume(db: Db, timepointId: string, kind: VolumeKind): Promise<VolumeDto | undefined> {
  const [row] = await db
    .select(columns)
    .from(imageVolumes)
    .innerJoin(timepoints, eq(timepoints.id, imageVolumes.timepointId))
    .where(and(eq(imageVolumes.timepointId, timepointId), eq(imageVolumes.kind, kind)));
  return row;
}

export async function listCaseVolumes(db: Db, caseId: string): Promise<VolumeDto[]> {
  return db
    .select(columns)
    .from(imageVolumes)
    .innerJoin(timepoints, eq(timepoints.id, imageVolumes.timepointId))
    .where(eq(timepoints.caseId, caseId))
    .orderBy(asc(timepoints.date), asc(imageVolumes.kind));
}

/**
 * A patient's timepoints (by pseudonym), oldest first, with their case and whether a CT is stored
 * for them: the demo start-up uses it to find scans a crash kept from being stored.
 */
export async function listPatientTimepointImages(db: Db, pseudonym: string): Promise<{ caseId: string; timepointId: string; date: string; hasImage: boolean }[]> {
  const rows = await db
    .select({ caseId: cases.id, timepointId: timepoints.id, date: timepoints.date, imageId: imageVolumes.id })
    .from(patients)
    .innerJoin(cases, eq(cases.patientId, patients.id))
    .innerJoin(timepoints, eq(timepoints.caseId, cases.id))
    .leftJoin(imageVolumes, and(eq(imageVolumes.timepointId, timepoints.id), eq(imageVolumes.kind, "image")))
    .where(eq(patients.pseudonym, pseudonym))
    .orderBy(asc(cases.id), asc(timepoints.date));
  return rows.map((r) => ({ caseId: r.caseId, timepointId: r.timepointId, date: r.date, hasImage: r.imageId !== null }));
}
