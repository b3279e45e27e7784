import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createServer, request, type Server } from "node:http";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { freshDatabase, testBackends } from "@/db/testing";
import type { Database } from "@/db/client";
import { putVolume } from "@/db/repositories/imaging";
import { seedDemo } from "../demo/seed";
import { createRng } from "../analysis/random";
import { login } from "../auth/login";
import { SESSION_COOKIE } from "../auth/sessions";
import { BlobStore } from "../storage/blobs";
import { isVolumeRequest, serveVolume, VOLUME_PREFIX } from "./volume-http";
import { volumeUrl } from "./volume-files";

const pglite = testBackends()[0]!;

/** The volume route on a real listener, as server/main.ts mounts it; fetch inflates Content-Encoding as a browser does. */
describe("volume route on the HTTP listener", () => {
  let database: Database;
  let dir: string;
  let server: Server;
  let base: string;
  let url: string;
  let cookie: string;
  // Noise, like a CT's: the gzip file is about as large, so it goes out in many chunks.
  const rng = createRng(5);
  const raw = Uint8Array.from({ length: 3_000_000 }, () => Math.floor(rng() * 256));
  const gz = new Uint8Array(gzipSync(raw, { level: 1 }));
  // expect().toEqual on megabytes takes tens of seconds.
  const same = (a: ArrayBuffer, b: Uint8Array) => Buffer.from(a).equals(b);

  beforeAll(async () => {
    database = await freshDatabase(pglite);
    const seed = await seedDemo(database.db);
    dir = mkdtempSync(path.join(tmpdir(), "mosaic-volume-http-"));
    const store = new BlobStore(dir);
    const { sha256 } = store.put(gz, "nii.gz");
    const { id } = await putVolume(database.db, { timepointId: seed.cases[0]!.timepoints[0]!.id, kind: "image", sha256, byteSize: gz.byteLength, fileName: "ct.nii.gz", dims: [100, 100, 150], spacingMm: [1, 1, 1] });
    url = volumeUrl(id, sha256);
    const r = await login(database.db, { email: "radiologist@mosaic.demo", password: "mosaic-demo" }, { ip: "volume-http-test" });
    if (!r.ok) throw new Error(r.error);
    cookie = `${SESSION_COOKIE}=${encodeURIComponent(r.token)}`;
    server = createServer((req, res) => (isVolumeRequest(req) ? void serveVolume({ db: database.db, store }, req, res) : res.writeHead(418).end()));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const address = server.address();
    base = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`;
  });
  afterAll(async () => {
    await new Promise((r) => server.close(r));
    await database.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("claims only its own path", () => {
    expect(VOLUME_PREFIX).toBe("/api/volumes/");
    expect(url.startsWith(VOLUME_PREFIX)).toBe(true);
  });

  it("sends the stored gzip file as it is, with its length and the security headers", async () => {
    const res = await fetch(base + url, { headers: { cookie } });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/gzip");
    expect(res.headers.get("content-length")).toBe(String(gz.byteLength));
    expect(res.headers.get("content-encoding")).toBeNull();
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("x-frame-options")).toBe("DENY");
    expect(same(await res.arrayBuffer(), gz)).toBe(true);
  });

  it("with ?inflate=1, the client receives the inflated file (Content-Encoding survives)", async () => {
    const res = await fetch(`${base}${url}&inflate=1`, { headers: { cookie } });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-encoding")).toBe("gzip");
    expect(res.headers.get("x-decoded-length")).toBe(String(raw.byteLength));
    expect(same(await res.arrayBuffer(), raw)).toBe(true);
  });

  it("answers errors as JSON, HEAD without a body, and other methods with 405", async () => {
    const anonymous = await fetch(base + url);
    expect(anonymous.status).toBe(401);
    expect(await anonymous.json()).toEqual({ error: "Sign in to continue." });
    const head = await fetch(base + url, { method: "HEAD", headers: { cookie } });
    expect(head.status).toBe(200);
    expect(await head.text()).toBe("");
    const post = await fetch(base + url, { method: "POST", headers: { cookie } });
    expect(post.status).toBe(405);
    expect(post.headers.get("allow")).toBe("GET, HEAD");
  });

  it("a client that goes away mid-file does not break the listener", async () => {
    await new Promise<void>((resolve, reject) => {
      const req = request(base + url, { headers: { cookie } }, (res) => {
        res.once("data", () => {
          req.destroy();
          resolve();
        });
      });
      req.on("error", (e) => (e.message.includes("socket hang up") || e.message.includes("aborted") ? resolve() : reject(e)));
      req.end();
    });
    const again = await fetch(base + url, { headers: { cookie } });
    expect(again.status).toBe(200);
    expect((await again.arrayBuffer()).byteLength).toBe(gz.byteLength);
  });
});
