import { TRPCError } from "@trpc/server";
import { canAccessCase } from "@/db/repositories/cases";
import { recordAudit } from "@/db/repositories/audit";
import type { ProtectedContext } from "./trpc";

/**
 * The one gate for patient data: the user must be on the case's board, and the access is
 * written to the audit log. Unknown cases and cases of other boards look the same (NOT_FOUND),
 * so ids cannot be probed.
 */
export async function authorizeCase(ctx: ProtectedContext, caseId: string, action: string, detail?: Record<string, unknown>): Promise<void> {
  if (!(await canAccessCase(ctx.db, ctx.user.id, caseId))) {
    await recordAudit(ctx.db, { userId: ctx.user.id, action: `${action}.denied`, entityType: "case", entityId: caseId, caseId: null });
    throw new TRPCError({ code: "NOT_FOUND", message: "No such case, or you are not on its board." });
  }
  await recordAudit(ctx.db, { userId: ctx.user.id, action, entityType: "case", entityId: caseId, caseId, detail });
}
