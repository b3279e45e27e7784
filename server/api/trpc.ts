/**
 * tRPC context, procedures and error formatter. Every procedure that touches patient data is a
 * `protectedProcedure` (a session is required) and checks case access in its handler.
 */
import { initTRPC, TRPCError } from "@trpc/server";
import { ZodError, z } from "zod";
import { getDatabase, type Db } from "@/db/client";
import type { UserDto } from "@/db/repositories/users";
import { sessionUser, tokenFromCookieHeader } from "../auth/sessions";
import { isAnalysisError } from "../analysis/errors";

export interface Context {
  db: Db;
  user: UserDto | undefined;
}

/** Context from a request's Cookie header. */
export async function createContext(cookieHeader: string | null | undefined): Promise<Context> {
  const { db } = getDatabase();
  return { db, user: await sessionUser(db, tokenFromCookieHeader(cookieHeader)) };
}

const t = initTRPC.context<Context>().create({
  errorFormatter({ shape, error }) {
    return {
      ...shape,
      data: {
        ...shape.data,
        // Field errors for forms (create-t3-app's formatter).
        zodError: error.cause instanceof ZodError ? z.flattenError(error.cause) : null,
        analysisCode: isAnalysisError(error.cause) ? error.cause.code : null,
      },
    };
  },
});

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;
export const publicProcedure = t.procedure;

export const protectedProcedure = t.procedure.use(({ ctx, next }) => {
  if (!ctx.user) throw new TRPCError({ code: "UNAUTHORIZED", message: "Sign in to continue." });
  return next({ ctx: { ...ctx, user: ctx.user } });
});

export type ProtectedContext = Context & { user: UserDto };
