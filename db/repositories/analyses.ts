import { eq } from "drizzle-orm";
import type { Db } from "../client";
import { caseAnalyses } from "../schema";

/** Stores a case-level analysis result, replacing the previous one of the same kind. */
export async function putCaseAnalysis(db: Db, caseId: string, kind: string, result: Record<string, unknown>): Promise<void> {
  await db
    .insert(caseAnalyses)
    .values({ caseId, kind, result })
    .onConflictDoUpdate({ target: [caseAnalyses.caseId, caseAnalyses.kind], set: { result, computedAt: new Date() } });
}

export async function getCaseAnalyses(db: Db, caseId: string): Promise<Record<string, { result: Record<string, unknown>; computedAt: Date }>> {
  const rows = await db.select().from(caseAnalyses).where(eq(caseAnalyses.caseId, caseId));
  return Object.fromEntries(rows.map((r) => [r.kind, { result: r.result, computedAt: r.computedAt }]));
}
