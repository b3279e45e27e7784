/** Calls tRPC procedures from React Server Components with the request's session. */
import "server-only";
import { headers } from "next/headers";
import { redirect, notFound } from "next/navigation";
import { TRPCError } from "@trpc/server";
import { createCaller } from "./root";
import { createContext } from "./trpc";

export async function serverCaller() {
  const h = await headers();
  return createCaller(await createContext(h.get("cookie")));
}

/**
 * Runs a query for a page: no session sends the user to sign in (and back here afterwards);
 * NOT_FOUND renders the not-found page. Other errors reach the route's error boundary.
 */
export async function loadForPage<T>(returnTo: string, query: (caller: Awaited<ReturnType<typeof serverCaller>>) => Promise<T>): Promise<T> {
  try {
    return await query(await serverCaller());
  } catch (e) {
    if (e instanceof TRPCError && e.code === "UNAUTHORIZED") redirect(`/login?next=${encodeURIComponent(returnTo)}`);
    if (e instanceof TRPCError && e.code === "NOT_FOUND") notFound();
    throw e;
  }
}
