import { and, asc, eq } from "drizzle-orm";
import type { Db } from "../client";
import { boardMembers, boards, cases, patients, therapyLines, timepoints } from "../schema";

export interface CaseListItem {
  id: string;
  boardId: string;
  boardName: string;
  pseudonym: string;
  diagnosis: string;
}

export interface CaseDetail {
  id: string;
  boardId: string;
  boardName: string;
  patient: { pseudonym: string; sex: string; birthYear: number };
  diagnosis: string;
  primarySite: string;
  histology: string;
  molecular: string;
  stage: string;
  therapyLines: { id: string; line: number; name: string; intent: string; startDate: string; endDate: string | null }[];
  timepoints: { id: string; date: string; modality: "CT" | "MR" | "PET"; description: string }[];
}

/** Cases on the boards the user is a member of. */
export async function listCasesForUser(db: Db, userId: string): Promise<CaseListItem[]> {
  return db
    .select({ id: cases.id, boardId: boards.id, boardName: boards.name, pseudonym: patients.pseudonym, diagnosis: cases.diagnosis })
    .from(cases)
    .innerJoin(patients, eq(patients.id, cases.patientId))
    .innerJoin(boards, eq(boards.id, cases.boardId))
    .innerJoin(boardMembers, and(eq(boardMembers.boardId, cases.boardId), eq(boardMembers.userId, userId)))
    .orderBy(asc(patients.pseudonym));
}

/** Whether the user may see the case: a member of the case's board. */
export async function canAccessCase(db: Db, userId: string, caseId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: cases.id })
    .from(cases)
    .innerJoin(boardMembers, and(eq(boardMembers.boardId, cases.boardId), eq(boardMembers.userId, userId)))
    .where(eq(cases.id, caseId));
  return row !== undefined;
}

export async function findCase(db: Db, caseId: string): Promise<CaseDetail | undefined> {
  const [c] = await db
    .select({ c: cases, p: patients, boardName: boards.name })
    .from(cases)
    .innerJoin(patients, eq(patients.id, cases.patientId))
    .innerJoin(boards, eq(boards.id, cases.boardId))
    .where(eq(cases.id, caseId));
  if (!c) return undefined;
  const [lines, tps] = await Promise.all([
    db.select().from(therapyLines).where(eq(therapyLines.caseId, caseId)).orderBy(asc(therapyLines.startDate)),
    db.select().from(timepoints).where(eq(timepoints.caseId, caseId)).orderBy(asc(timepoints.date)),
  ]);
  return {
    id: c.c.id,
    boardId: c.c.boardId,
    boardName: c.boardName,
    patient: { pseudonym: c.p.pseudonym, sex: c.p.sex, birthYear: c.p.birthYear },
    diagnosis: c.c.diagnosis,
    primarySite: c.c.primarySite,
    histology: c.c.histology,
    molecular: c.c.molecular,
    stage: c.c.stage,
    therapyLines: lines.map((l) => ({ id: l.id, line: l.line, name: l.name, intent: l.intent, startDate: l.startDate, endDate: l.endDate })),
    timepoints: tps.map((t) => ({ id: t.id, date: t.date, modality: t.modality, description: t.description })),
  };
}

export async function createPatient(db: Db, input: typeof patients.$inferInsert): Promise<{ id: string }> {
  const [p] = await db.insert(patients).values(input).returning({ id: patients.id });
  return p!;
}

export async function createCase(db: Db, input: typeof cases.$inferInsert): Promise<{ id: string }> {
  const [c] = await db.insert(cases).values(input).returning({ id: cases.id });
  return c!;
}

export async function addTherapyLine(db: Db, input: typeof therapyLines.$inferInsert): Promise<void> {
  await db.insert(therapyLines).values(input);
}

export async function addTimepoint(db: Db, input: typeof timepoints.$inferInsert): Promise<{ id: string }> {
  const [t] = await db.insert(timepoints).values(input).returning({ id: timepoints.id });
  return t!;
}

export async function findTimepoint(db: Db, timepointId: string): Promise<{ id: string; caseId: string; date: string; modality: "CT" | "MR" | "PET" } | undefined> {
  const [t] = await db
    .select({ id: timepoints.id, caseId: timepoints.caseId, date: timepoints.date, modality: timepoints.modality })
    .from(timepoints)
    .where(eq(timepoints.id, timepointId));
  return t;
}
