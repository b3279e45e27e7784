/**
 * Keeps a case's board analyses current: after a timepoint's analysis or a liquid import, the
 * response table (RECIST 1.1, and iRECIST under immunotherapy), interlesional phenotypes,
 * liquid trends with discordance, and the ranked biopsy suggestions are recomputed and stored,
 * replacing the previous results (idempotent).
 */
import type { Db } from "@/db/client";
import { findCase } from "@/db/repositories/cases";
import { listFeatureSets, listLesionsWithMeasurements } from "@/db/repositories/lesions";
import { listLiquidSamples } from "@/db/repositories/liquid";
import { putCaseAnalysis } from "@/db/repositories/analyses";
import { listHistology, replaceBiopsyTargets } from "@/db/repositories/biopsy";
import { assessRecist } from "../analysis/response";
import { analyseLiquid, findDiscordance } from "../analysis/liquid";
import { analyseInterlesional } from "../analysis/interlesional";
import { rankBiopsyTargets } from "../analysis/biopsy";
import { isAnalysisError } from "../analysis/errors";
import { biopsyCandidates, buildRecistInput, interlesionalInputs, isImmunotherapy, toLiquidResults } from "./inputs";

export async function recomputeCaseAnalyses(db: Db, caseId: string): Promise<void> {
  const detail = await findCase(db, caseId);
  if (!detail) return;
  const [lesions, features, samples, histology] = await Promise.all([
    listLesionsWithMeasurements(db, caseId),
    listFeatureSets(db, caseId, "pyradiomics"),
    listLiquidSamples(db, caseId),
    listHistology(db, caseId),
  ]);

  const immunotherapy = isImmunotherapy(detail.therapyLines.map((l) => l.name));
  const recistInput = buildRecistInput(lesions, detail.timepoints);
  let recist: ReturnType<typeof assessRecist> = [];
  let irecist: ReturnType<typeof assessRecist> | null = null;
  let responseError: string | null = null;
  try {
    recist = assessRecist(recistInput);
    if (immunotherapy) irecist = assessRecist(recistInput, { irecist: true });
  } catch (e) {
    if (!isAnalysisError(e)) throw e;
    responseError = e.message;
  }
  const primary = irecist ?? recist;

  const phenotypes = analyseInterlesional(interlesionalInputs(lesions, features));
  const phenotypeOf = (trackingId: string) => phenotypes.lesions.find((l) => l.lesionId === trackingId)?.phenotype ?? null;

  const liquid = analyseLiquid(toLiquidResults(samples));
  const imaging = primary.filter((t) => t.overallResponse !== null).map((t) => ({ date: t.date, overallResponse: t.overallResponse! }));
  const discordance = findDiscordance(liquid, imaging);

  const sampled = new Set(histology.map((h) => phenotypeOf(h.trackingId)).filter((p): p is string => p !== null));
  const suggestions = rankBiopsyTargets(biopsyCandidates(lesions, primary.at(-1), phenotypeOf), { sampledPhenotypes: [...sampled] });
  const byTracking = new Map(lesions.map((l) => [l.trackingId, l]));

  await db.transaction(async (tx) => {
    const t = tx as unknown as Db;
    await putCaseAnalysis(t, caseId, "response", { recist, irecist, primary: irecist ? "irecist" : "recist", error: responseError });
    await putCaseAnalysis(t, caseId, "phenotypes", phenotypes as unknown as Record<string, unknown>);
    await putCaseAnalysis(t, caseId, "liquid", { ...liquid, discordance } as unknown as Record<string, unknown>);
    await replaceBiopsyTargets(
      t,
      caseId,
      suggestions.map((s) => {
        const lesion = byTracking.get(s.lesionId)!;
        const point = lesion.measurements.at(-1)?.geometry?.biopsyPoint as { worldMm?: [number, number, number] } | undefined;
        return {
          lesionId: lesion.id,
          rank: s.rank,
          score: s.score,
          reasons: s.reasons.map((r) => ({ component: r.component, value: r.value, weight: r.weight, contribution: r.contribution })),
          sentence: s.sentence,
          pointMm: point?.worldMm ?? null,
        };
      }),
    );
  });
}
