import { and, asc, eq, gte, inArray } from "drizzle-orm";
import type { Db } from "../client";
import { agendaItems, boardMembers, boards, cases, meetings, patients } from "../schema";

export interface BoardDto {
  id: string;
  name: string;
}
export interface MeetingDto {
  id: string;
  boardId: string;
  boardName: string;
  startsAt: Date;
  location: string | null;
}
export interface AgendaItemDto {
  id: string;
  position: number;
  question: string;
  status: "pending" | "discussed" | "decided" | "deferred";
  caseId: string;
  pseudonym: string;
  diagnosis: string;
  sex: string;
  birthYear: number;
}

export async function createBoard(db: Db, name: string): Promise<BoardDto> {
  const [b] = await db.insert(boards).values({ name }).returning();
  return { id: b!.id, name: b!.name };
}

export async function findBoardByName(db: Db, name: string): Promise<BoardDto | undefined> {
  const [b] = await db.select({ id: boards.id, name: boards.name }).from(boards).where(eq(boards.name, name));
  return b;
}

export async function addBoardMember(db: Db, boardId: string, userId: string): Promise<void> {
  await db.insert(boardMembers).values({ boardId, userId }).onConflictDoNothing();
}

export async function listBoardsForUser(db: Db, userId: string): Promise<BoardDto[]> {
  return db
    .select({ id: boards.id, name: boards.name })
    .from(boards)
    .innerJoin(boardMembers, eq(boardMembers.boardId, boards.id))
    .where(eq(boardMembers.userId, userId))
    .orderBy(asc(boards.name));
}

export async function isBoardMember(db: Db, boardId: string, userId: string): Promise<boolean> {
  const [row] = await db
    .select({ boardId: boardMembers.boardId })
    .from(boardMembers)
    .where(and(eq(boardMembers.boardId, boardId), eq(boardMembers.userId, userId)));
  return row !== undefined;
}

export async function createMeeting(db: Db, input: { boardId: string; startsAt: Date; location?: string }): Promise<{ id: string }> {
  const [m] = await db.insert(meetings).values(input).returning({ id: meetings.id });
  return m!;
}

export async function addAgendaItem(db: Db, input: { meetingId: string; caseId: string; position: number; question: string }): Promise<void> {
  await db.insert(agendaItems).values(input);
}

const meetingColumns = { id: meetings.id, boardId: meetings.boardId, boardName: boards.name, startsAt: meetings.startsAt, location: meetings.location };

/** Meetings of the user's boards that have not ended (started at most 12 hours ago), soonest first. */
export async function listUpcomingMeetings(db: Db, userId: string, now: Date): Promise<MeetingDto[]> {
  const since = new Date(now.getTime() - 12 * 3600_000);
  return db
    .select(meetingColumns)
    .from(meetings)
    .innerJoin(boards, eq(boards.id, meetings.boardId))
    .innerJoin(boardMembers, and(eq(boardMembers.boardId, boards.id), eq(boardMembers.userId, userId)))
    .where(gte(meetings.startsAt, since))
    .orderBy(asc(meetings.startsAt));
}

export async function findMeeting(db: Db, meetingId: string): Promise<MeetingDto | undefined> {
  const [m] = await db.select(meetingColumns).from(meetings).innerJoin(boards, eq(boards.id, meetings.boardId)).where(eq(meetings.id, meetingId));
  return m;
}

export async function listAgenda(db: Db, meetingIds: string[]): Promise<(AgendaItemDto & { meetingId: string })[]> {
  if (meetingIds.length === 0) return [];
  return db
    .select({
      id: agendaItems.id,
      meetingId: agendaItems.meetingId,
      position: agendaItems.position,
      question: agendaItems.question,
      status: agendaItems.status,
      caseId: cases.id,
      pseudonym: patients.pseudonym,
      diagnosis: cases.diagnosis,
      sex: patients.sex,
      birthYear: patients.birthYear,
    })
    .from(agendaItems)
    .innerJoin(cases, eq(cases.id, agendaItems.caseId))
    .innerJoin(patients, eq(patients.id, cases.patientId))
    .where(inArray(agendaItems.meetingId, meetingIds))
    .orderBy(asc(agendaItems.meetingId), asc(agendaItems.position));
}

/** The meetings whose agenda holds the case, with the case's item: soonest first. */
export async function listAgendaItemsOfCase(db: Db, caseId: string): Promise<(MeetingDto & { position: number; question: string })[]> {
  return db
    .select({ ...meetingColumns, position: agendaItems.position, question: agendaItems.question })
    .from(agendaItems)
    .innerJoin(meetings, eq(meetings.id, agendaItems.meetingId))
    .innerJoin(boards, eq(boards.id, meetings.boardId))
    .where(eq(agendaItems.caseId, caseId))
    .orderBy(asc(meetings.startsAt));
}
