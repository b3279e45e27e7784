import { and, asc, desc, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "../client";
import { analysisJobs, timepoints } from "../schema";

export type JobRow = typeof analysisJobs.$inferSelect;

export async function enqueueJob(db: Db, timepointId: string): Promise<{ id: string }> {
  const [row] = await db.insert(analysisJobs).values({ timepointId }).returning({ id: analysisJobs.id });
  return row!;
}

/**
 * Takes the oldest queued job (FOR UPDATE SKIP LOCKED, so workers on other machines never take
 * the same job) and marks it running.
 */
export async function claimNextJob(db: Db, now: Date): Promise<JobRow | undefined> {
  return db.transaction(async (tx) => {
    const [next] = await tx
      .select({ id: analysisJobs.id })
      .from(analysisJobs)
      .where(eq(analysisJobs.status, "queued"))
      .orderBy(asc(analysisJobs.createdAt))
      .limit(1)
      .for("update", { skipLocked: true });
    if (!next) return undefined;
    const [row] = await tx.update(analysisJobs).set({ status: "running", startedAt: now, done: 0 }).where(eq(analysisJobs.id, next.id)).returning();
    return row;
  });
}

export async function reportJobProgress(db: Db, id: string, done: number, total: number): Promise<void> {
  await db.update(analysisJobs).set({ done, total }).where(eq(analysisJobs.id, id));
}

export async function finishJob(db: Db, id: string, outcome: { error?: string }, now: Date): Promise<void> {
  await db
    .update(analysisJobs)
    .set({ status: outcome.error ? "failed" : "succeeded", error: outcome.error?.slice(0, 2000) ?? null, finishedAt: now })
    .where(eq(analysisJobs.id, id));
}

/** Jobs left running by a process that died are queued again at start-up. */
export async function requeueInterruptedJobs(db: Db): Promise<number> {
  const rows = await db.update(analysisJobs).set({ status: "queued", startedAt: null }).where(eq(analysisJobs.status, "running")).returning({ id: analysisJobs.id });
  return rows.length;
}

/** The latest job of each of the case's timepoints. */
export async function listCaseJobs(db: Db, caseId: string): Promise<(JobRow & { date: string })[]> {
  const rows = await db
    .select({ job: analysisJobs, date: timepoints.date })
    .from(analysisJobs)
    .innerJoin(timepoints, eq(timepoints.id, analysisJobs.timepointId))
    .where(eq(timepoints.caseId, caseId))
    .orderBy(asc(timepoints.date), desc(analysisJobs.createdAt));
  const latest = new Map<string, JobRow & { date: string }>();
  for (const { job, date } of rows) if (!latest.has(job.timepointId)) latest.set(job.timepointId, { ...job, date });
  return [...latest.values()];
}

export async function countOpenJobs(db: Db, timepointIds?: string[]): Promise<number> {
  const open = inArray(analysisJobs.status, ["queued", "running"]);
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(analysisJobs)
    .where(timepointIds ? and(open, inArray(analysisJobs.timepointId, timepointIds)) : open);
  return row?.n ?? 0;
}
