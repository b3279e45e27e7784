import { describe, expect, it } from "vitest";
import { mkdtempSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { BlobStore } from "./blobs";

describe("blob store", () => {
  const store = () => new BlobStore(mkdtempSync(path.join(tmpdir(), "mosaic-blobs-")));
  const bytes = Uint8Array.from({ length: 700_000 }, (_, i) => (i * 31) % 251);

  it("stores by SHA-256, once, with no temporary file left", () => {
    const s = store();
    const a = s.put(bytes, "nii.gz");
    const b = s.put(bytes, "nii.gz");
    expect(a).toEqual(b);
    expect(a.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(readdirSync(path.dirname(s.pathFor(a.sha256, "nii.gz")))).toEqual([`${a.sha256}.nii.gz`]);
  });

  it("refuses names that are not a SHA-256 and odd extensions (no path tricks)", () => {
    const s = store();
    expect(() => s.pathFor("../../etc/passwd", "nii")).toThrow(/not a SHA-256/);
    expect(() => s.pathFor("a".repeat(64), "../x")).toThrow(/bad blob extension/);
  });

  it("streams the whole file in chunks", async () => {
    const s = store();
    const { sha256 } = s.put(bytes, "nii");
    const got = new Uint8Array(await new Response(s.webStream(sha256, "nii", 64 * 1024)).arrayBuffer());
    expect(got).toEqual(bytes);
  });

  it("reads a byte range, shorter at the end of the file", () => {
    const s = store();
    const { sha256 } = s.put(bytes, "nii");
    expect(s.read(sha256, "nii", 1000, 4)).toEqual(bytes.subarray(1000, 1004));
    expect(s.read(sha256, "nii", bytes.length - 2, 4)).toEqual(bytes.subarray(bytes.length - 2));
  });

  it("a download cancelled half-way closes the file without an error", async () => {
    const s = store();
    const { sha256 } = s.put(bytes, "nii");
    const reader = s.webStream(sha256, "nii", 64 * 1024).getReader();
    await reader.read();
    await expect(reader.cancel()).resolves.toBeUndefined();
  });
});
