import { getCaseAnalyses } from "@/db/repositories/analyses";
import { listBiopsyTargets } from "@/db/repositories/biopsy";
import { listCaseJobs } from "@/db/repositories/jobs";
import type { RecistTimepointResult } from "@/server/analysis/response";
import type { LiquidAnalysis, Discordance } from "@/server/analysis/liquid";
import type { InterlesionalResult } from "@/server/analysis/interlesional";
import type { ProtectedContext } from "../../trpc";
import { authorizeCase } from "../../access";

export async function getAnalyses(ctx: ProtectedContext, caseId: string) {
  await authorizeCase(ctx, caseId, "case.analyses.view");
  const [stored, biopsy, jobs] = await Promise.all([getCaseAnalyses(ctx.db, caseId), listBiopsyTargets(ctx.db, caseId), listCaseJobs(ctx.db, caseId)]);
  const response = stored.response?.result as { recist: RecistTimepointResult[]; irecist: RecistTimepointResult[] | null; primary: "recist" | "irecist"; error: string | null } | undefined;
  return {
    response: response ?? null,
    phenotypes: (stored.phenotypes?.result as unknown as InterlesionalResult | undefined) ?? null,
    liquid: (stored.liquid?.result as unknown as (LiquidAnalysis & { discordance: Discordance[] }) | undefined) ?? null,
    biopsy,
    jobs: jobs.map((j) => ({ timepointId: j.timepointId, date: j.date, status: j.status, done: j.done, total: j.total, error: j.error })),
    computedAt: stored.response?.computedAt ?? null,
  };
}

export type AnalysesView = Awaited<ReturnType<typeof getAnalyses>>;
