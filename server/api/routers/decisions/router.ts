import { router, protectedProcedure } from "../../trpc";
import { amendInput, caseInput, finalizeInput } from "./schema";
import { amendDecision, finalizeDecision, listCaseDecisions, listMembers } from "./handlers";

export const decisionsRouter = router({
  /** Every version of the case's decision record, oldest first. */
  list: protectedProcedure.input(caseInput).query(({ ctx, input }) => listCaseDecisions(ctx, input.caseId)),
  /** The case's board members: participants to record and people to mention. */
  members: protectedProcedure.input(caseInput).query(({ ctx, input }) => listMembers(ctx, input.caseId)),
  /** Version 1 from the shared draft (coordinator or oncologist). */
  finalize: protectedProcedure.input(finalizeInput).mutation(({ ctx, input }) => finalizeDecision(ctx, input)),
  /** The next version from the shared draft, amending the latest (coordinator or oncologist). */
  amend: protectedProcedure.input(amendInput).mutation(({ ctx, input }) => amendDecision(ctx, input)),
});
