/**
 * GET /api/volumes/<id>: a scan file (image, segmentation, entropy map, habitats) for the viewer.
 * The same gate as every other read of patient data: a session, access to the volume's case, an
 * audit entry. Unknown ids and volumes of other boards get the same 404, so ids cannot be probed.
 * Files are content-addressed: the ETag is the SHA-256, and a URL that names that SHA-256 (`?v=`)
 * is cached as immutable; without it the browser revalidates (the id's content may be replaced
 * when an analysis is re-run).
 *
 * `?inflate=1` on a gzip file sends the same stored bytes with `Content-Encoding: gzip`: the browser
 * inflates them in its network stack, off the page's main thread, and the viewer receives the raw
 * NIfTI. `X-Decoded-Length` gives the inflated size for progress. `?preview=1` on a CT sends its
 * half-resolution preview instead (volume-preview.ts), for the viewer's first paint.
 */
import type { Db } from "@/db/client";
import { canAccessCase } from "@/db/repositories/cases";
import { findVolume } from "@/db/repositories/imaging";
import { recordAudit } from "@/db/repositories/audit";
import { sessionUser, tokenFromCookieHeader } from "../auth/sessions";
import type { BlobStore } from "../storage/blobs";
import { gzipInflatedSize, volumeContentType, volumeFileExt } from "./volume-files";
import { ensurePreview, PREVIEW_EXT } from "./volume-preview";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const IMMUTABLE = "private, max-age=31536000, immutable";
const REVALIDATE = "private, no-cache";

export interface VolumeResponseDeps {
  db: Db;
  store: BlobStore;
}

function problem(status: number, error: string): Response {
  return Response.json({ error }, { status, headers: { "Cache-Control": "no-store" } });
}

/** Whether an If-None-Match header names this entity tag (weak or strong, or `*`). */
export function matchesEtag(ifNoneMatch: string | null, etag: string): boolean {
  if (!ifNoneMatch) return false;
  return ifNoneMatch.split(",").some((t) => {
    const tag = t.trim();
    return tag === "*" || tag.replace(/^W\//, "") === etag;
  });
}

export async function volumeResponse({ db, store }: VolumeResponseDeps, req: Request, volumeId: string): Promise<Response> {
  const user = await sessionUser(db, tokenFromCookieHeader(req.headers.get("cookie")));
  if (!user) return problem(401, "Sign in to continue.");

  const volume = UUID.test(volumeId) ? await findVolume(db, volumeId) : undefined;
  if (!volume || !(await canAccessCase(db, user.id, volume.caseId))) {
    await recordAudit(db, { userId: user.id, action: "volume.read.denied", entityType: "volume", entityId: volumeId.slice(0, 64), caseId: null });
    return problem(404, "No such volume, or you are not on its case's board.");
  }

  const query = new URL(req.url).searchParams;
  const preview = query.get("preview") === "1" && volume.kind === "image";
  const fileName = preview ? volume.fileName.replace(/\.nii(\.gz)?$/i, ".preview.nii.gz") : volume.fileName;
  const inflate = query.get("inflate") === "1" && fileName.toLowerCase().endsWith(".gz");
  // Another content or content coding is another representation, so another entity tag.
  const etag = `"${volume.sha256}${preview ? ".preview" : ""}${inflate ? ".inflate" : ""}"`;
  const pinned = query.get("v") === volume.sha256;
  const cacheHeaders = { ETag: etag, "Cache-Control": pinned ? IMMUTABLE : REVALIDATE };
  const notModified = matchesEtag(req.headers.get("if-none-match"), etag);
  await recordAudit(db, {
    userId: user.id,
    action: "volume.read",
    entityType: "volume",
    entityId: volume.id,
    caseId: volume.caseId,
    detail: { kind: volume.kind, timepointId: volume.timepointId, ...(preview ? { preview: true } : {}), ...(notModified ? { notModified: true } : {}) },
  });
  if (notModified) return new Response(null, { status: 304, headers: cacheHeaders });

  const sourceExt = volumeFileExt(volume.fileName);
  if (!sourceExt || !store.has(volume.sha256, sourceExt)) return problem(404, "The volume is recorded but its file is missing from the data directory.");
  if (preview && !(await ensurePreview(store, volume.sha256, sourceExt, volume.fileName))) return problem(404, "No preview can be made of this volume.");
  const ext = preview ? PREVIEW_EXT : sourceExt;
  const size = store.size(volume.sha256, ext);
  // 18 bytes: the smallest gzip file; a shorter one fails to inflate in the browser, which says so.
  const decodedLength = inflate && size >= 18 ? { "X-Decoded-Length": String(gzipInflatedSize(store.read(volume.sha256, ext, size - 4, 4))) } : undefined;
  return new Response(store.webStream(volume.sha256, ext), {
    status: 200,
    headers: {
      ...cacheHeaders,
      "Content-Type": inflate ? "application/octet-stream" : volumeContentType(fileName),
      "Content-Length": String(size),
      "Content-Disposition": `inline; filename="${(inflate ? fileName.slice(0, -3) : fileName).replace(/[^\w.-]/g, "_")}"`,
      ...(inflate ? { "Content-Encoding": "gzip" } : {}),
      ...decodedLength,
    },
  });
}
