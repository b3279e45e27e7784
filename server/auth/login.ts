/** The sign-in rules, independent of HTTP: checks, throttling, session start, audit. */
import { z } from "zod";
import { env } from "../env";
import type { Db } from "@/db/client";
import { findUserByEmail, type UserDto } from "@/db/repositories/users";
import { recordAudit } from "@/db/repositories/audit";
import { dummyPasswordHash, verifyPassword } from "./passwords";
import { startSession } from "./sessions";

export const loginInput = z.object({
  email: z.string().trim().min(3).max(254),
  password: z.string().min(1).max(1024),
});

export type LoginResult =
  | { ok: true; user: UserDto; token: string; expiresAt: Date }
  | { ok: false; status: 400 | 401 | 429; error: string };

const WINDOW_MS = 15 * 60_000;
const MAX_FAILURES = 10;
const failures = new Map<string, number[]>();

function throttled(key: string, now: number): boolean {
  const recent = (failures.get(key) ?? []).filter((t) => now - t < WINDOW_MS);
  failures.set(key, recent);
  return recent.length >= MAX_FAILURES;
}

export async function login(db: Db, body: unknown, client: { ip: string; userAgent?: string }): Promise<LoginResult> {
  const parsed = loginInput.safeParse(body);
  if (!parsed.success) return { ok: false, status: 400, error: "Enter an email address and a password." };
  const email = parsed.data.email.toLowerCase();
  const key = `${email}|${client.ip}`;
  const now = Date.now();
  if (throttled(key, now)) return { ok: false, status: 429, error: "Too many failed attempts. Try again in 15 minutes." };

  const user = await findUserByEmail(db, email);
  const demoAccountOutsideDemo = !env().demo && email.endsWith("@mosaic.demo");
  const valid = await verifyPassword(user?.passwordHash ?? (await dummyPasswordHash()), parsed.data.password);
  if (!user || !valid || user.disabled || demoAccountOutsideDemo) {
    failures.get(key)!.push(now);
    await recordAudit(db, { userId: user?.id ?? null, action: "auth.login-failed", entityType: "user", entityId: user?.id ?? null, detail: { ip: client.ip } });
    return { ok: false, status: 401, error: "Email or password is not correct." };
  }
  failures.delete(key);
  const { token, expiresAt } = await startSession(db, user.id, client.userAgent);
  await recordAudit(db, { userId: user.id, action: "auth.login", entityType: "user", entityId: user.id, detail: { ip: client.ip } });
  const { passwordHash: _h, disabled: _d, ...dto } = user;
  return { ok: true, user: dto, token, expiresAt };
}
