import { getDatabase } from "@/db/client";
import { env } from "@/server/env";
import { blobStore } from "@/server/storage/blobs";
import { volumeResponse } from "@/server/imaging/volume-response";

export const dynamic = "force-dynamic";

/** A scan file for the viewer, for signed-in users with access to its case (server/imaging/volume-response.ts). */
export async function GET(req: Request, { params }: { params: Promise<{ volumeId: string }> }) {
  const { volumeId } = await params;
  return volumeResponse({ db: getDatabase().db, store: blobStore(env().dataDir) }, req, volumeId);
}
