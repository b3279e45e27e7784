"use client";
/** A plain tRPC client for the collaboration panel's few calls (decision record, board members). */
import { createTRPCClient, httpBatchLink } from "@trpc/client";
import type { AppRouter } from "@/server/api/root";

export const api = createTRPCClient<AppRouter>({ links: [httpBatchLink({ url: "/api/trpc" })] });

/** The message of a tRPC error, for showing to the user. */
export function errorMessage(e: unknown): string {
  return e instanceof Error ? e.message : "Something went wrong.";
}
