import { getDatabase } from "@/db/client";
import { recordAudit } from "@/db/repositories/audit";
import { clearedSessionCookie, endSession, sessionUser, tokenFromCookieHeader } from "@/server/auth/sessions";
import { isSameOrigin, isSecureRequest } from "@/server/auth/http";
import { sessionEvents } from "@/server/auth/session-events";

export const dynamic = "force-dynamic";

export async function POST(req: Request) {
  if (!isSameOrigin(req)) return Response.json({ error: "Cross-origin sign-out refused." }, { status: 403 });
  const { db } = getDatabase();
  const token = tokenFromCookieHeader(req.headers.get("cookie"));
  if (token) {
    const user = await sessionUser(db, token);
    await endSession(db, token);
    if (user) {
      await recordAudit(db, { userId: user.id, action: "auth.logout", entityType: "user", entityId: user.id });
      sessionEvents().emit("ended", token);
    }
  }
  return Response.json({ ok: true }, { headers: { "Set-Cookie": clearedSessionCookie(isSecureRequest(req)), "Cache-Control": "no-store" } });
}
