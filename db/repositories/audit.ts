import { eq, desc } from "drizzle-orm";
import type { Db } from "../client";
import { auditEvents } from "../schema";

export interface AuditEvent {
  userId: string | null;
  action: string;
  entityType: string;
  entityId?: string | null;
  caseId?: string | null;
  detail?: Record<string, unknown> | null;
}

export async function recordAudit(db: Db, event: AuditEvent): Promise<void> {
  await db.insert(auditEvents).values(event);
}

export async function listCaseAudit(db: Db, caseId: string, limit = 100): Promise<(AuditEvent & { at: Date })[]> {
  return db.select().from(auditEvents).where(eq(auditEvents.caseId, caseId)).orderBy(desc(auditEvents.id)).limit(limit);
}
