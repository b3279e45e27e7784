import { and, eq, gt, lt } from "drizzle-orm";
import type { Db } from "../client";
import { sessions, users } from "../schema";
import type { UserDto } from "./users";

export async function createSession(db: Db, input: { id: string; userId: string; expiresAt: Date; userAgent?: string }): Promise<void> {
  await db.insert(sessions).values({ ...input, userAgent: input.userAgent?.slice(0, 300) });
}

/** The session's user when the session exists, has not expired and the user is enabled. */
export async function findSessionUser(db: Db, id: string, now: Date): Promise<{ user: UserDto; expiresAt: Date } | undefined> {
  const [row] = await db
    .select({ id: users.id, email: users.email, name: users.name, role: users.role, disabledAt: users.disabledAt, expiresAt: sessions.expiresAt })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.id, id), gt(sessions.expiresAt, now)));
  if (!row || row.disabledAt) return undefined;
  return { user: { id: row.id, email: row.email, name: row.name, role: row.role }, expiresAt: row.expiresAt };
}

export async function deleteSession(db: Db, id: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.id, id));
}

export async function deleteExpiredSessions(db: Db, now: Date): Promise<void> {
  await db.delete(sessions).where(lt(sessions.expiresAt, now));
}
