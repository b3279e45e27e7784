import { TRPCError } from "@trpc/server";
import { findCase, listCasesForUser, type CaseListItem } from "@/db/repositories/cases";
import { listLesionsWithMeasurements } from "@/db/repositories/lesions";
import { recordAudit } from "@/db/repositories/audit";
import type { ProtectedContext } from "../../trpc";
import { authorizeCase } from "../../access";

export async function listCases(ctx: ProtectedContext): Promise<CaseListItem[]> {
  const items = await listCasesForUser(ctx.db, ctx.user.id);
  await recordAudit(ctx.db, { userId: ctx.user.id, action: "cases.list", entityType: "case", detail: { count: items.length } });
  return items;
}

export async function getCase(ctx: ProtectedContext, caseId: string) {
  await authorizeCase(ctx, caseId, "case.view");
  const detail = await findCase(ctx.db, caseId);
  if (!detail) throw new TRPCError({ code: "NOT_FOUND", message: "No such case." });
  const lesions = await listLesionsWithMeasurements(ctx.db, caseId);
  return { ...detail, lesions };
}

export type CaseView = Awaited<ReturnType<typeof getCase>>;
