import { and, asc, desc, eq, inArray } from "drizzle-orm";
import type { Db } from "../client";
import { boardMembers, cases, decisions, users } from "../schema";

export interface Participant {
  id: string;
  name: string;
  role: string;
}

export interface DecisionDto {
  id: string;
  caseId: string;
  version: number;
  amendsId: string | null;
  text: string;
  participants: Participant[];
  basis: Record<string, unknown>;
  finalizedBy: Participant;
  finalizedAt: Date;
}

/** Two writers took the same version number (the unique constraint said no). */
export class DecisionVersionTaken extends Error {}

/** Every version of a case's decision, oldest first. */
export async function listDecisions(db: Db, caseId: string): Promise<DecisionDto[]> {
  const rows = await db
    .select({ d: decisions, by: { id: users.id, name: users.name, role: users.role } })
    .from(decisions)
    .innerJoin(users, eq(users.id, decisions.finalizedBy))
    .where(eq(decisions.caseId, caseId))
    .orderBy(asc(decisions.version));
  return rows.map(({ d, by }) => ({
    id: d.id,
    caseId: d.caseId,
    version: d.version,
    amendsId: d.amendsId,
    text: d.text,
    participants: d.participants,
    basis: d.basis,
    finalizedBy: by,
    finalizedAt: d.finalizedAt,
  }));
}

export async function latestDecision(db: Db, caseId: string): Promise<{ id: string; version: number } | undefined> {
  const [row] = await db.select({ id: decisions.id, version: decisions.version }).from(decisions).where(eq(decisions.caseId, caseId)).orderBy(desc(decisions.version)).limit(1);
  return row;
}

function isUniqueViolation(e: unknown): boolean {
  for (let c: unknown = e; c; c = (c as { cause?: unknown }).cause) if ((c as { code?: unknown }).code === "23505") return true;
  return false;
}

/**
 * Inserts a version. Decisions are immutable: this is the only write, there is no update or
 * delete. Throws DecisionVersionTaken when the version exists (a concurrent finalize/amend).
 */
export async function insertDecision(
  db: Db,
  input: { caseId: string; version: number; amendsId: string | null; text: string; participants: Participant[]; basis: Record<string, unknown>; finalizedBy: string },
): Promise<{ id: string; finalizedAt: Date }> {
  try {
    const [row] = await db.insert(decisions).values(input).returning({ id: decisions.id, finalizedAt: decisions.finalizedAt });
    return row!;
  } catch (e) {
    if (isUniqueViolation(e)) throw new DecisionVersionTaken(`version ${input.version} of the decision on case ${input.caseId} exists`);
    throw e;
  }
}

/** The members of the case's board (who can take part, be mentioned, be listed as participants). */
export async function listCaseMembers(db: Db, caseId: string, onlyIds?: string[]): Promise<Participant[]> {
  if (onlyIds && onlyIds.length === 0) return [];
  return db
    .select({ id: users.id, name: users.name, role: users.role })
    .from(cases)
    .innerJoin(boardMembers, eq(boardMembers.boardId, cases.boardId))
    .innerJoin(users, eq(users.id, boardMembers.userId))
    .where(and(eq(cases.id, caseId), onlyIds ? inArray(users.id, onlyIds) : undefined))
    .orderBy(asc(users.name));
}
