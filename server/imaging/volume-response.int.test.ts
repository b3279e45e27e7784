import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mkdtempSync, rmSync, unlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { gzipSync } from "fflate";
import { freshDatabase, testBackends } from "@/db/testing";
import type { Database } from "@/db/client";
import { putVolume } from "@/db/repositories/imaging";
import { listCaseAudit } from "@/db/repositories/audit";
import { createUser } from "@/db/repositories/users";
import { seedDemo, type SeedResult } from "../demo/seed";
import { login } from "../auth/login";
import { hashPassword } from "../auth/passwords";
import { SESSION_COOKIE } from "../auth/sessions";
import { BlobStore } from "../storage/blobs";
import { volumeResponse } from "./volume-response";
import { volumeFileExt, volumeUrl } from "./volume-files";
import { PREVIEW_EXT } from "./volume-preview";
import { readVolume, writeNifti } from "../analysis/imaging";
import type { Affine } from "../analysis/types";

const pglite = testBackends()[0]!;

describe("GET /api/volumes/<id>", () => {
  let database: Database;
  let seed: SeedResult;
  let dir: string;
  let store: BlobStore;
  let volumeId: string;
  let sha256: string;
  const bytes = gzipSync(new Uint8Array(4096).map((_, i) => (i * 7) % 251));

  const cookieFor = async (email: string, password = "mosaic-demo") => {
    const r = await login(database.db, { email, password }, { ip: "volume-test" });
    if (!r.ok) throw new Error(r.error);
    return `${SESSION_COOKIE}=${encodeURIComponent(r.token)}`;
  };
  const get = (id: string, headers: Record<string, string> = {}, query = "") =>
    volumeResponse({ db: database.db, store }, new Request(`http://127.0.0.1/api/volumes/${id}${query}`, { headers }), id);

  beforeAll(async () => {
    database = await freshDatabase(pglite);
    seed = await seedDemo(database.db);
    dir = mkdtempSync(path.join(tmpdir(), "mosaic-volumes-"));
    store = new BlobStore(dir);
    const fileName = "ct-baseline.nii.gz";
    ({ sha256 } = store.put(bytes, volumeFileExt(fileName)!));
    ({ id: volumeId } = await putVolume(database.db, {
      timepointId: seed.cases[0]!.timepoints[0]!.id,
      kind: "image",
      sha256,
      byteSize: bytes.byteLength,
      fileName,
      dims: [16, 16, 16],
      spacingMm: [1, 1, 1],
    }));
  });
  afterAll(async () => {
    await database.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("answers 401 without a session, and with a forged one", async () => {
    expect((await get(volumeId)).status).toBe(401);
    expect((await get(volumeId, { cookie: `${SESSION_COOKIE}=forged` })).status).toBe(401);
  });

  it("streams the file with its type, length, ETag and cache policy, and audits the read", async () => {
    const res = await get(volumeId, { cookie: await cookieFor("radiologist@mosaic.demo") }, `?v=${sha256}`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/gzip");
    expect(res.headers.get("content-length")).toBe(String(bytes.byteLength));
    expect(res.headers.get("etag")).toBe(`"${sha256}"`);
    expect(res.headers.get("cache-control")).toBe("private, max-age=31536000, immutable");
    expect(new Uint8Array(await res.arrayBuffer())).toEqual(bytes);
    const audit = await listCaseAudit(database.db, seed.cases[0]!.caseId);
    expect(audit[0]).toMatchObject({ action: "volume.read", entityType: "volume", entityId: volumeId });
  });

  it("without the content version in the URL, the browser must revalidate", async () => {
    const res = await get(volumeId, { cookie: await cookieFor("radiologist@mosaic.demo") });
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("private, no-cache");
    expect(volumeUrl(volumeId, sha256)).toBe(`/api/volumes/${volumeId}?v=${sha256}`);
  });

  it("answers 304 to a matching If-None-Match, 200 to a stale one", async () => {
    const cookie = await cookieFor("oncologist@mosaic.demo");
    const res = await get(volumeId, { cookie, "if-none-match": `W/"stale", "${sha256}"` }, `?v=${sha256}`);
    expect(res.status).toBe(304);
    expect(res.headers.get("etag")).toBe(`"${sha256}"`);
    expect(await res.text()).toBe("");
    expect((await get(volumeId, { cookie, "if-none-match": '"0000"' })).status).toBe(200);
  });

  it("with ?inflate=1, sends the gzip bytes as Content-Encoding for the browser to inflate, under its own ETag", async () => {
    const cookie = await cookieFor("radiologist@mosaic.demo");
    const res = await get(volumeId, { cookie }, `?v=${sha256}&inflate=1`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-encoding")).toBe("gzip");
    expect(res.headers.get("content-type")).toBe("application/octet-stream");
    expect(res.headers.get("content-length")).toBe(String(bytes.byteLength));
    expect(res.headers.get("x-decoded-length")).toBe("4096");
    expect(res.headers.get("content-disposition")).toBe('inline; filename="ct-baseline.nii"');
    expect(res.headers.get("etag")).toBe(`"${sha256}.inflate"`);
    expect(res.headers.get("cache-control")).toBe("private, max-age=31536000, immutable");
    expect(new Uint8Array(await res.arrayBuffer())).toEqual(bytes);
    // Each representation revalidates against its own tag only.
    expect((await get(volumeId, { cookie, "if-none-match": `"${sha256}.inflate"` }, `?v=${sha256}&inflate=1`)).status).toBe(304);
    for (const [tag, query] of [[`"${sha256}"`, `?v=${sha256}&inflate=1`], [`"${sha256}.inflate"`, `?v=${sha256}`]] as const) {
      const other = await get(volumeId, { cookie, "if-none-match": tag }, query);
      expect(other.status).toBe(200);
      await other.body?.cancel();
    }
    const audit = await listCaseAudit(database.db, seed.cases[0]!.caseId);
    expect(audit.filter((a) => a.action === "volume.read" && a.entityId === volumeId).length).toBeGreaterThanOrEqual(4);
  });

  it("with ?preview=1, sends a CT at half the in-plane resolution, made once and kept, under its own ETag", async () => {
    const cookie = await cookieFor("radiologist@mosaic.demo");
    const ct = { data: Int16Array.from({ length: 8 * 6 * 2 }, (_, i) => i), dims: [8, 6, 2] as [number, number, number], spacingMm: [0.9, 0.9, 5] as [number, number, number], affine: [-0.9, 0, 0, 3, 0, -0.9, 0, 2, 0, 0, 5, -10, 0, 0, 0, 1] as Affine };
    const file = writeNifti(ct);
    const { sha256: ctSha } = store.put(file, "nii.gz");
    const { id } = await putVolume(database.db, { timepointId: seed.cases[0]!.timepoints[1]!.id, kind: "image", sha256: ctSha, byteSize: file.byteLength, fileName: "ct-follow-up.nii.gz", dims: ct.dims, spacingMm: ct.spacingMm });
    const res = await get(id, { cookie }, `?v=${ctSha}&preview=1`);
    expect(res.status).toBe(200);
    expect(res.headers.get("etag")).toBe(`"${ctSha}.preview"`);
    expect(res.headers.get("content-disposition")).toBe('inline; filename="ct-follow-up.preview.nii.gz"');
    const got = readVolume(new Uint8Array(await res.arrayBuffer()), "preview.nii.gz");
    expect(got.dims).toEqual([4, 3, 2]);
    expect(got.data[0]).toBe(Math.round((0 + 1 + 8 + 9) / 4));
    expect(store.has(ctSha, PREVIEW_EXT)).toBe(true);
    const inflated = await get(id, { cookie }, `?v=${ctSha}&preview=1&inflate=1`);
    expect(inflated.headers.get("etag")).toBe(`"${ctSha}.preview.inflate"`);
    expect(inflated.headers.get("content-encoding")).toBe("gzip");
    await inflated.body?.cancel();
    const audit = await listCaseAudit(database.db, seed.cases[0]!.caseId);
    expect(audit.find((a) => a.entityId === id)).toMatchObject({ action: "volume.read", detail: { kind: "image", preview: true } });
    // A file that is not a readable NIfTI has no preview.
    const none = await get(volumeId, { cookie }, `?v=${sha256}&preview=1`);
    expect(none.status).toBe(404);
    expect((await none.json()).error).toMatch(/No preview/);
  });

  it("answers the same 404 for a volume of another board, an unknown id and a malformed id", async () => {
    await createUser(database.db, { email: "outsider@hospital.example", name: "O. Utsider", role: "surgeon", passwordHash: await hashPassword("a-long-password") });
    const cookie = await cookieFor("outsider@hospital.example", "a-long-password");
    const denied = await get(volumeId, { cookie });
    const unknown = await get("00000000-0000-4000-8000-000000000000", { cookie });
    const malformed = await get("..%2F..%2Fsecret", { cookie });
    for (const res of [denied, unknown, malformed]) expect(res.status).toBe(404);
    const bodies = await Promise.all([denied, unknown, malformed].map((r) => r.text()));
    expect(new Set(bodies).size).toBe(1);
    expect(denied.headers.get("etag")).toBeNull();
  });

  it("says so when the file is missing from the data directory", async () => {
    unlinkSync(store.pathFor(sha256, "nii.gz"));
    const res = await get(volumeId, { cookie: await cookieFor("pathologist@mosaic.demo") });
    expect(res.status).toBe(404);
    expect((await res.json()).error).toMatch(/file is missing/);
  });
});
