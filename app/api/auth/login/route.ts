import { getDatabase } from "@/db/client";
import { login } from "@/server/auth/login";
import { sessionCookie } from "@/server/auth/sessions";
import { clientIp, isSameOrigin, isSecureRequest } from "@/server/auth/http";

export const dynamic = "force-dynamic";

export async function POST(req: Request) {
  if (!isSameOrigin(req)) return Response.json({ error: "Cross-origin sign-in refused." }, { status: 403 });
  const body = await req.json().catch(() => undefined);
  const result = await login(getDatabase().db, body, { ip: clientIp(req), userAgent: req.headers.get("user-agent") ?? undefined });
  if (!result.ok) return Response.json({ error: result.error }, { status: result.status });
  return Response.json(
    { user: result.user },
    { headers: { "Set-Cookie": sessionCookie(result.token, result.expiresAt, isSecureRequest(req)), "Cache-Control": "no-store" } },
  );
}
