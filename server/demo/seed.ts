/**
 * Seeds the demo board of shared/DEMO.md: accounts, board, this week's meeting and the three
 * cases with therapy lines, timepoints, lesions, reported measurements and liquid profiling.
 * Runs in one transaction: a failed seed leaves the database empty, never half-seeded.
 */
import type { Db } from "@/db/client";
import { createUser } from "@/db/repositories/users";
import { addAgendaItem, addBoardMember, createBoard, createMeeting } from "@/db/repositories/boards";
import { addTherapyLine, addTimepoint, createCase, createPatient } from "@/db/repositories/cases";
import { addLesion, upsertMeasurement } from "@/db/repositories/lesions";
import { putLiquidSample } from "@/db/repositories/liquid";
import { hashPassword } from "../auth/passwords";
import { addDays, demoMeetingStart } from "./dates";
import { demoAccounts, demoBoard, demoCases, demoPassword, meetingDay, type DemoCase } from "./story";

export interface SeededCase {
  caseId: string;
  slug: string;
  timepoints: { id: string; date: string; index: number }[];
  lesionIds: Record<string, string>;
}

export interface SeedResult {
  boardId: string;
  meetingId: string;
  cases: SeededCase[];
}

export async function seedDemo(db: Db, now = new Date()): Promise<SeedResult> {
  const passwordHash = await hashPassword(demoPassword);
  const meetingStart = demoMeetingStart(now);
  const meetingDate = meetingStart.toISOString().slice(0, 10);
  return db.transaction(async (tx) => {
    const t = tx as unknown as Db;
    const board = await createBoard(t, demoBoard.name);
    for (const a of demoAccounts) {
      const user = await createUser(t, { email: a.email, name: a.name, role: a.role, passwordHash });
      await addBoardMember(t, board.id, user.id);
    }
    const meeting = await createMeeting(t, { boardId: board.id, startsAt: meetingStart, location: "Tumor board room 2 and video link" });
    const cases: SeededCase[] = [];
    for (const [i, c] of demoCases.entries()) {
      const seeded = await seedCase(t, board.id, c, addDays(meetingDate, -meetingDay(c)));
      await addAgendaItem(t, { meetingId: meeting.id, caseId: seeded.caseId, position: i + 1, question: c.question });
      cases.push(seeded);
    }
    return { boardId: board.id, meetingId: meeting.id, cases };
  });
}

/** One case; `day0` is the ISO date of the current therapy's start. */
async function seedCase(db: Db, boardId: string, c: DemoCase, day0: string): Promise<SeededCase> {
  const patient = await createPatient(db, { pseudonym: c.pseudonym, sex: c.sex, birthYear: c.birthYear });
  const { id: caseId } = await createCase(db, {
    patientId: patient.id,
    boardId,
    diagnosis: c.diagnosis,
    primarySite: c.primarySite,
    histology: c.histology,
    molecular: c.molecular,
    stage: c.stage,
  });
  await addTherapyLine(db, { caseId, line: c.therapy.line, name: c.therapy.name, intent: c.therapy.intent, startDate: addDays(day0, c.therapy.startDay) });
  const timepoints = [];
  for (const [index, day] of c.imagingDays.entries()) {
    const date = addDays(day0, day);
    const tp = await addTimepoint(db, { caseId, date, modality: "CT", description: index === 0 ? "CT chest/abdomen, baseline" : "CT chest/abdomen, follow-up" });
    timepoints.push({ id: tp.id, date, index });
  }
  const lesionIds: Record<string, string> = {};
  for (const l of c.lesions) {
    const { id } = await addLesion(db, { caseId, trackingId: l.key, label: l.label, site: l.site, organ: l.organ, isLymphNode: l.isLymphNode, recistRole: l.recistRole });
    lesionIds[l.key] = id;
    for (const tp of timepoints) {
      const size = l.sizesMm[tp.index];
      if (size === null || size === undefined) continue;
      // Reported sizes: the long axis, or for nodes the short axis (RECIST 1.1).
      await upsertMeasurement(db, {
        lesionId: id,
        timepointId: tp.id,
        source: "reported",
        present: size > 0,
        longAxisMm: l.isLymphNode ? null : size,
        shortAxisMm: l.isLymphNode ? size : null,
      });
    }
  }
  for (const [i, day] of c.liquidDays.entries()) {
    await putLiquidSample(db, {
      caseId,
      date: addDays(day0, day),
      source: "demo",
      results: c.analytes.map((a) => ({
        kind: a.kind,
        analyte: a.name,
        variant: a.variant ?? "",
        detected: a.values[i] !== null,
        value: a.values[i] ?? null,
        unit: a.unit,
        lod: a.lod,
      })),
    });
  }
  return { caseId, slug: c.slug, timepoints, lesionIds };
}
