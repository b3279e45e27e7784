import { z } from "zod";
import { router, protectedProcedure } from "../../trpc";
import { getAnalysisProgress, getPanelData } from "./handlers";

export const panelsRouter = router({
  /** Liquid-profiling results, ITH parts per lesion and the case's place in its meeting's agenda. */
  get: protectedProcedure.input(z.object({ caseId: z.uuid() })).query(({ ctx, input }) => getPanelData(ctx, input.caseId)),
  /** Open analysis jobs and the version of the stored analyses. */
  progress: protectedProcedure.input(z.object({ caseId: z.uuid() })).query(({ ctx, input }) => getAnalysisProgress(ctx, input.caseId)),
});
