import { z } from "zod";
import { router, protectedProcedure } from "../../trpc";
import { getMeeting, home } from "./handlers";

export const meetingsRouter = router({
  /** The user's boards and upcoming meetings with their agendas. */
  home: protectedProcedure.query(({ ctx }) => home(ctx)),
  get: protectedProcedure.input(z.object({ meetingId: z.uuid() })).query(({ ctx, input }) => getMeeting(ctx, input.meetingId)),
});
