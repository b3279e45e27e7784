import { getCaseAnalyses } from "@/db/repositories/analyses";
import { isBoardMember, listAgenda, listAgendaItemsOfCase } from "@/db/repositories/boards";
import { listCaseJobs } from "@/db/repositories/jobs";
import { lesionsByLabel, listFeatureSets } from "@/db/repositories/lesions";
import { listLiquidSamples } from "@/db/repositories/liquid";
import type { ProtectedContext } from "../../trpc";
import { authorizeCase } from "../../access";
import { agendaNeighbours, pickMeeting } from "./agenda-position";

/** The radiomics features the heterogeneity panel shows beside the ITH score (DESIGN §2.2). */
const ITH_PARTS = {
  firstOrderEntropyBits: "original_firstorder_Entropy",
  kurtosis: "original_firstorder_Kurtosis",
  glcmJointEntropyBits: "original_glcm_JointEntropy",
  glszmZoneEntropyBits: "original_glszm_ZoneEntropy",
} as const;

export type IthPartKey = keyof typeof ITH_PARTS;
export type RadiomicsParts = { trackingId: string; timepointId: string } & Record<IthPartKey, number | null>;

/** The case's position in its meeting's agenda (the soonest meeting that has not ended). */
async function agendaPlace(ctx: ProtectedContext, caseId: string, now: Date) {
  const meeting = pickMeeting(await listAgendaItemsOfCase(ctx.db, caseId), now);
  if (!meeting || !(await isBoardMember(ctx.db, meeting.boardId, ctx.user.id))) return null;
  const place = agendaNeighbours(await listAgenda(ctx.db, [meeting.id]), caseId);
  if (!place) return null;
  const brief = (a: typeof place.prev) => (a ? { caseId: a.caseId, position: a.position, pseudonym: a.pseudonym, diagnosis: a.diagnosis } : null);
  return {
    meetingId: meeting.id,
    startsAt: meeting.startsAt.toISOString(),
    question: meeting.question,
    index: place.index,
    total: place.total,
    prev: brief(place.prev),
    next: brief(place.next),
  };
}

/**
 * What the case view's panels need beyond `cases.get` and `analyses.get`: the liquid-profiling
 * results as measured (values, units, limits of detection), the radiomics parts of the ITH
 * score per lesion and timepoint, and the case's place in its meeting's agenda.
 */
export async function getPanelData(ctx: ProtectedContext, caseId: string) {
  await authorizeCase(ctx, caseId, "case.panels.view");
  const [samples, features, byLabel, agenda] = await Promise.all([
    listLiquidSamples(ctx.db, caseId),
    listFeatureSets(ctx.db, caseId, "pyradiomics"),
    lesionsByLabel(ctx.db, caseId),
    agendaPlace(ctx, caseId, new Date()),
  ]);
  const trackingIdOf = new Map([...byLabel.values()].map((l) => [l.id, l.trackingId]));
  const radiomics: RadiomicsParts[] = features.flatMap((f) => {
    const trackingId = trackingIdOf.get(f.lesionId);
    if (!trackingId) return [];
    const value = (name: string) => (Number.isFinite(f.features[name]) ? f.features[name]! : null);
    const parts = Object.fromEntries(Object.entries(ITH_PARTS).map(([key, name]) => [key, value(name)])) as Record<IthPartKey, number | null>;
    return [{ trackingId, timepointId: f.timepointId, ...parts }];
  });
  return {
    liquidSamples: samples.map((s) => ({ date: s.date, specimen: s.specimen, results: s.results })),
    radiomics,
    agenda,
  };
}

export type PanelData = Awaited<ReturnType<typeof getPanelData>>;

/** Analysis progress, polled while scans are analysed: the page refreshes when `version` changes. */
export async function getAnalysisProgress(ctx: ProtectedContext, caseId: string) {
  await authorizeCase(ctx, caseId, "case.analyses.progress");
  const [jobs, stored] = await Promise.all([listCaseJobs(ctx.db, caseId), getCaseAnalyses(ctx.db, caseId)]);
  return {
    open: jobs.filter((j) => j.status === "queued" || j.status === "running").length,
    total: jobs.length,
    // The same stamp as `analyses.get().computedAt`: the page compares the two.
    version: stored.response?.computedAt.toISOString() ?? null,
  };
}
