import { TRPCError } from "@trpc/server";
import { findMeeting, isBoardMember, listAgenda, listBoardsForUser, listUpcomingMeetings } from "@/db/repositories/boards";
import { recordAudit } from "@/db/repositories/audit";
import type { ProtectedContext } from "../../trpc";

export async function home(ctx: ProtectedContext) {
  const now = new Date();
  const [boards, meetings] = await Promise.all([listBoardsForUser(ctx.db, ctx.user.id), listUpcomingMeetings(ctx.db, ctx.user.id, now)]);
  const next = meetings[0];
  const agenda = next ? await listAgenda(ctx.db, [next.id]) : [];
  await recordAudit(ctx.db, { userId: ctx.user.id, action: "home.view", entityType: "meeting", entityId: next?.id ?? null });
  return { user: ctx.user, boards, meetings, nextMeeting: next ? { ...next, agenda } : null };
}

export async function getMeeting(ctx: ProtectedContext, meetingId: string) {
  const meeting = await findMeeting(ctx.db, meetingId);
  if (!meeting || !(await isBoardMember(ctx.db, meeting.boardId, ctx.user.id))) {
    throw new TRPCError({ code: "NOT_FOUND", message: "No such meeting, or you are not on its board." });
  }
  const agenda = await listAgenda(ctx.db, [meetingId]);
  await recordAudit(ctx.db, { userId: ctx.user.id, action: "meeting.view", entityType: "meeting", entityId: meetingId });
  return { ...meeting, agenda };
}

export type MeetingView = Awaited<ReturnType<typeof getMeeting>>;
