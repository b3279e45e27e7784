/**
 * Database sessions behind an HttpOnly, SameSite=Lax cookie. The cookie carries a random token;
 * the database keeps only HMAC-SHA256(secret, token), so a copy of the database cannot be used
 * to sign in.
 */
import { createHmac, randomBytes } from "node:crypto";
import { secret } from "../env";
import type { Db } from "@/db/client";
import { createSession, deleteSession, findSessionUser } from "@/db/repositories/sessions";
import type { UserDto } from "@/db/repositories/users";

export const SESSION_COOKIE = "mosaic_session";
export const SESSION_TTL_MS = 12 * 3600_000;

function sessionId(token: string): string {
  return createHmac("sha256", secret()).update(token).digest("hex");
}

export async function startSession(db: Db, userId: string, userAgent: string | undefined, now = new Date()): Promise<{ token: string; expiresAt: Date }> {
  const token = randomBytes(32).toString("base64url");
  const expiresAt = new Date(now.getTime() + SESSION_TTL_MS);
  await createSession(db, { id: sessionId(token), userId, expiresAt, userAgent });
  return { token, expiresAt };
}

export async function endSession(db: Db, token: string): Promise<void> {
  await deleteSession(db, sessionId(token));
}

/** The signed-in user for a cookie token, or undefined. */
export async function sessionUser(db: Db, token: string | undefined, now = new Date()): Promise<UserDto | undefined> {
  if (!token || token.length > 200) return undefined;
  return (await findSessionUser(db, sessionId(token), now))?.user;
}

/** The session token from a Cookie header. */
export function tokenFromCookieHeader(header: string | null | undefined): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(";")) {
    const eq = part.indexOf("=");
    if (eq > 0 && part.slice(0, eq).trim() === SESSION_COOKIE) return decodeURIComponent(part.slice(eq + 1).trim());
  }
  return undefined;
}

export function sessionCookie(token: string, expiresAt: Date, secure: boolean): string {
  return [
    `${SESSION_COOKIE}=${encodeURIComponent(token)}`,
    "Path=/",
    "HttpOnly",
    "SameSite=Lax",
    `Expires=${expiresAt.toUTCString()}`,
    ...(secure ? ["Secure"] : []),
  ].join("; ");
}

export function clearedSessionCookie(secure: boolean): string {
  return [`${SESSION_COOKIE}=`, "Path=/", "HttpOnly", "SameSite=Lax", "Max-Age=0", ...(secure ? ["Secure"] : [])].join("; ");
}
