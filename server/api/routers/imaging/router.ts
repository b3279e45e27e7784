import { z } from "zod";
import { router, protectedProcedure } from "../../trpc";
import { caseVolumes } from "./handlers";

export const imagingRouter = router({
  /** The case's timepoints with their volume ids, URLs and grids by kind, for the viewer. */
  volumes: protectedProcedure.input(z.object({ caseId: z.uuid() })).query(({ ctx, input }) => caseVolumes(ctx, input.caseId)),
});
