import { z } from "zod";
import { router, protectedProcedure } from "../../trpc";
import { importLiquid } from "./handlers";

/** 5 MB of text: the CSV limit of the core (MAX_CSV_CHARS) and a generous FHIR bundle. */
const MAX_IMPORT_CHARS = 5_000_000;

export const liquidRouter = router({
  /** Imports liquid-profiling results from CSV or a FHIR R4 Bundle; a file with any bad row is refused whole. */
  import: protectedProcedure
    .input(z.object({ caseId: z.uuid(), format: z.enum(["csv", "fhir"]), content: z.string().min(1).max(MAX_IMPORT_CHARS) }))
    .mutation(({ ctx, input }) => importLiquid(ctx, input)),
});
