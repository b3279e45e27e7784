import { router, protectedProcedure } from "../../trpc";

export const sessionRouter = router({
  /** The signed-in user. */
  me: protectedProcedure.query(({ ctx }) => ctx.user),
});
