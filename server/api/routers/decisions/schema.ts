import { z } from "zod";

const MAX_SHOWN_JSON = 200_000;

/** Roles that may finalize or amend (issue 6). Shared with the UI, which hides the buttons. */
export const FINALIZING_ROLES: readonly string[] = ["coordinator", "oncologist"];

export const DRAFT_MISMATCH = "The draft changed, or your last edits have not reached the server yet: review it and finalize again.";

/** What the board was shown when it decided (response tables, suggestions), as the page had it. */
const shown = z
  .record(z.string(), z.unknown())
  .refine((v) => JSON.stringify(v).length <= MAX_SHOWN_JSON, `at most ${MAX_SHOWN_JSON} characters of JSON`)
  .optional();

const participantIds = z.array(z.uuid()).max(100).default([]);

/**
 * The draft as the finalizer sees it (plain text, `draftText`). When given, the stored draft
 * must equal it, so the record is exactly what was on screen, not a later or an unsynced state.
 */
const expectedText = z.string().max(200_000).optional();

export const caseInput = z.object({ caseId: z.uuid() });

export const finalizeInput = z.object({ caseId: z.uuid(), participantIds, shown, expectedText });

export const amendInput = z.object({
  caseId: z.uuid(),
  /** The version being amended: it must still be the latest. */
  amendsVersion: z.number().int().positive(),
  reason: z.string().trim().min(1, "Say why the decision is amended.").max(2000),
  participantIds,
  shown,
  expectedText,
});

export type FinalizeInput = z.infer<typeof finalizeInput>;
export type AmendInput = z.infer<typeof amendInput>;
