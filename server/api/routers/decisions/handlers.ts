/**
 * The board's decision record: finalizing turns the shared draft into an immutable version 1;
 * an amendment adds the next version pointing at the one it amends. The text and the biopsy
 * marks are read from the stored shared document (validated, DESIGN.md §4), not from the
 * client, and the response and liquid data are loaded as they are now.
 */
import { TRPCError } from "@trpc/server";
import type * as Y from "yjs";
import { DecisionVersionTaken, insertDecision, latestDecision, listCaseMembers, listDecisions, type DecisionDto, type Participant } from "@/db/repositories/decisions";
import { listLesionsWithMeasurements } from "@/db/repositories/lesions";
import { listLiquidSamples } from "@/db/repositories/liquid";
import { loadCaseDoc } from "@/server/collab/persistence";
import { draftText, readBiopsyMarks } from "@/server/collab/doc-shape";
import type { ProtectedContext } from "../../trpc";
import { authorizeCase } from "../../access";
import { DRAFT_MISMATCH, FINALIZING_ROLES, type AmendInput, type FinalizeInput } from "./schema";

export type DecisionView = Omit<DecisionDto, "finalizedAt"> & { finalizedAt: string };
const view = (d: DecisionDto): DecisionView => ({ ...d, finalizedAt: d.finalizedAt.toISOString() });

export async function listCaseDecisions(ctx: ProtectedContext, caseId: string): Promise<DecisionView[]> {
  await authorizeCase(ctx, caseId, "decision.list");
  return (await listDecisions(ctx.db, caseId)).map(view);
}

export async function listMembers(ctx: ProtectedContext, caseId: string): Promise<Participant[]> {
  await authorizeCase(ctx, caseId, "case.members");
  return listCaseMembers(ctx.db, caseId);
}

function requireFinalizingRole(ctx: ProtectedContext): void {
  if (!FINALIZING_ROLES.includes(ctx.user.role)) {
    throw new TRPCError({ code: "FORBIDDEN", message: "Only a coordinator or an oncologist can finalize or amend the decision." });
  }
}

export async function finalizeDecision(ctx: ProtectedContext, input: FinalizeInput): Promise<DecisionView> {
  await authorizeCase(ctx, input.caseId, "decision.finalize");
  requireFinalizingRole(ctx);
  if (await latestDecision(ctx.db, input.caseId)) {
    throw new TRPCError({ code: "CONFLICT", message: "The decision is already finalized: amend it instead." });
  }
  return record(ctx, input, { version: 1, amendsId: null });
}

export async function amendDecision(ctx: ProtectedContext, input: AmendInput): Promise<DecisionView> {
  await authorizeCase(ctx, input.caseId, "decision.amend", { amendsVersion: input.amendsVersion });
  requireFinalizingRole(ctx);
  const latest = await latestDecision(ctx.db, input.caseId);
  if (!latest) throw new TRPCError({ code: "BAD_REQUEST", message: "There is no finalized decision to amend yet." });
  if (latest.version !== input.amendsVersion) {
    throw new TRPCError({ code: "CONFLICT", message: `Version ${latest.version} is the latest: reload and amend that one.` });
  }
  return record(ctx, input, { version: latest.version + 1, amendsId: latest.id, reason: input.reason });
}

async function readDraft(ctx: ProtectedContext, caseId: string): Promise<{ text: string; biopsyMarks: ReturnType<typeof readBiopsyMarks> }> {
  let doc: Y.Doc;
  try {
    doc = await loadCaseDoc(ctx.db, caseId);
  } catch (e) {
    throw new TRPCError({ code: "INTERNAL_SERVER_ERROR", message: "The shared case document could not be read; nothing was recorded.", cause: e });
  }
  try {
    return { text: draftText(doc), biopsyMarks: readBiopsyMarks(doc) };
  } finally {
    doc.destroy();
  }
}

async function record(
  ctx: ProtectedContext,
  input: FinalizeInput,
  at: { version: number; amendsId: string | null; reason?: string },
): Promise<DecisionView> {
  const { text, biopsyMarks } = await readDraft(ctx, input.caseId);
  if (!text) throw new TRPCError({ code: "BAD_REQUEST", message: "The decision draft is empty." });
  if (input.expectedText !== undefined && input.expectedText !== text) throw new TRPCError({ code: "CONFLICT", message: DRAFT_MISMATCH });
  const ids = [...new Set([...input.participantIds, ctx.user.id])];
  const participants = await listCaseMembers(ctx.db, input.caseId, ids);
  if (participants.length !== ids.length) throw new TRPCError({ code: "BAD_REQUEST", message: "Every participant must be a member of the case's board." });
  const lesions = await listLesionsWithMeasurements(ctx.db, input.caseId);
  const basis = {
    lesions: lesions.map((l) => ({
      id: l.id,
      trackingId: l.trackingId,
      organ: l.organ,
      recistRole: l.recistRole,
      measurements: l.measurements.map((m) => ({ date: m.date, present: m.present, source: m.source, longAxisMm: m.longAxisMm, shortAxisMm: m.shortAxisMm, volumeMl: m.volumeMl, ithScore: m.ithScore })),
    })),
    liquid: await listLiquidSamples(ctx.db, input.caseId),
    biopsyMarks,
    shown: input.shown ?? null,
    ...(at.reason ? { amendmentReason: at.reason } : {}),
  };
  try {
    const row = await insertDecision(ctx.db, { caseId: input.caseId, version: at.version, amendsId: at.amendsId, text, participants, basis, finalizedBy: ctx.user.id });
    return view({ id: row.id, caseId: input.caseId, version: at.version, amendsId: at.amendsId, text, participants, basis, finalizedBy: { id: ctx.user.id, name: ctx.user.name, role: ctx.user.role }, finalizedAt: row.finalizedAt });
  } catch (e) {
    if (e instanceof DecisionVersionTaken) throw new TRPCError({ code: "CONFLICT", message: "Someone recorded this version at the same moment: reload." });
    throw e;
  }
}
