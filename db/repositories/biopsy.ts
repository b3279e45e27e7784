import { asc, eq } from "drizzle-orm";
import type { Db } from "../client";
import { biopsyTargets, histologyResults, lesions } from "../schema";

export type BiopsyTargetInput = Omit<typeof biopsyTargets.$inferInsert, "id" | "caseId" | "computedAt">;

/** Replaces the case's suggestions with a new ranking (one statement set, in the caller's transaction). */
export async function replaceBiopsyTargets(db: Db, caseId: string, targets: BiopsyTargetInput[]): Promise<void> {
  await db.delete(biopsyTargets).where(eq(biopsyTargets.caseId, caseId));
  if (targets.length > 0) await db.insert(biopsyTargets).values(targets.map((t) => ({ ...t, caseId })));
}

export async function listBiopsyTargets(db: Db, caseId: string) {
  return db
    .select({
      id: biopsyTargets.id,
      lesionId: biopsyTargets.lesionId,
      trackingId: lesions.trackingId,
      rank: biopsyTargets.rank,
      score: biopsyTargets.score,
      reasons: biopsyTargets.reasons,
      sentence: biopsyTargets.sentence,
      pointMm: biopsyTargets.pointMm,
      computedAt: biopsyTargets.computedAt,
    })
    .from(biopsyTargets)
    .innerJoin(lesions, eq(lesions.id, biopsyTargets.lesionId))
    .where(eq(biopsyTargets.caseId, caseId))
    .orderBy(asc(biopsyTargets.rank));
}

export async function listHistology(db: Db, caseId: string) {
  return db
    .select({ id: histologyResults.id, lesionId: histologyResults.lesionId, trackingId: lesions.trackingId, sampledOn: histologyResults.sampledOn, result: histologyResults.result })
    .from(histologyResults)
    .innerJoin(lesions, eq(lesions.id, histologyResults.lesionId))
    .where(eq(lesions.caseId, caseId))
    .orderBy(asc(histologyResults.sampledOn));
}

export async function addHistology(db: Db, input: typeof histologyResults.$inferInsert): Promise<void> {
  await db.insert(histologyResults).values(input);
}
