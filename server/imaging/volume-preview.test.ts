import { describe, expect, it } from "vitest";
import { mkdtempSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { readVolume, writeNifti } from "../analysis/imaging";
import type { Affine } from "../analysis/types";
import { BlobStore } from "../storage/blobs";
import { ensurePreview, PREVIEW_EXT } from "./volume-preview";

describe("CT preview file", () => {
  const store = () => new BlobStore(mkdtempSync(path.join(tmpdir(), "mosaic-preview-")));
  const ct = writeNifti({ data: Int16Array.from({ length: 6 * 4 * 3 }, (_, i) => i), dims: [6, 4, 3], spacingMm: [1, 1, 2], affine: [1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 2, 0, 0, 0, 0, 1] as Affine });

  it("is made once, by concurrent requests too, next to the scan", async () => {
    const s = store();
    const { sha256 } = s.put(ct, "nii.gz");
    expect(await Promise.all([1, 2, 3].map(() => ensurePreview(s, sha256, "nii.gz", "ct.nii.gz")))).toEqual([true, true, true]);
    expect(readdirSync(path.dirname(s.pathFor(sha256, PREVIEW_EXT))).sort()).toEqual([`${sha256}.nii.gz`, `${sha256}.${PREVIEW_EXT}`]);
    const preview = readVolume(s.read(sha256, PREVIEW_EXT, 0, s.size(sha256, PREVIEW_EXT)), "p.nii.gz");
    expect(preview.dims).toEqual([3, 2, 3]);
  });

  it("is not made of an unreadable file or a non-NIfTI one", async () => {
    const s = store();
    const { sha256 } = s.put(new TextEncoder().encode("not a scan at all, but long enough to look like one maybe"), "nii.gz");
    expect(await ensurePreview(s, sha256, "nii.gz", "ct.nii.gz")).toBe(false);
    expect(await ensurePreview(s, sha256, "nrrd", "ct.nrrd")).toBe(false);
    expect(s.has(sha256, PREVIEW_EXT)).toBe(false);
  });
});
