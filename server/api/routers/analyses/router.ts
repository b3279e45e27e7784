import { z } from "zod";
import { router, protectedProcedure } from "../../trpc";
import { getAnalyses } from "./handlers";

export const analysesRouter = router({
  /** The case's response table, phenotypes, liquid trends and biopsy suggestions, as last computed. */
  get: protectedProcedure.input(z.object({ caseId: z.uuid() })).query(({ ctx, input }) => getAnalyses(ctx, input.caseId)),
});
