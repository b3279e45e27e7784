import { z } from "zod";
import { router, protectedProcedure } from "../../trpc";
import { getCase, listCases } from "./handlers";

export const casesRouter = router({
  /** The cases the signed-in user may see, each with its id (DESIGN.md §5). */
  list: protectedProcedure.query(({ ctx }) => listCases(ctx)),
  get: protectedProcedure.input(z.object({ caseId: z.uuid() })).query(({ ctx, input }) => getCase(ctx, input.caseId)),
});
