import { getDatabase } from "@/db/client";
import { ping } from "@/db/repositories/health";

export const dynamic = "force-dynamic";

export async function GET() {
  try {
    const { db, kind } = getDatabase();
    await ping(db);
    return Response.json({ status: "ok", database: kind });
  } catch {
    return Response.json({ status: "error", database: "unavailable" }, { status: 503 });
  }
}
