/**
 * The viewer's first paint of a CT: a copy at half the in-plane resolution (previewVolume,
 * server/analysis/imaging SPEC I85-I86), a quarter of the voxels, so about a quarter of the bytes
 * and of the software-WebGL upload of the full scan. Made on the first request and kept beside the
 * scan's file in the blob store, so it is made once per file.
 */
import { readFile } from "node:fs/promises";
import { promisify } from "node:util";
import { gunzip, gzip } from "node:zlib";
import { readVolume, writeNifti } from "../analysis/imaging";
import { previewVolume } from "../analysis/imaging/preview";
import type { BlobStore } from "../storage/blobs";

export const PREVIEW_EXT = "preview.nii.gz";
const FACTOR = 2;
const gunzipAsync = promisify(gunzip);
const gzipAsync = promisify(gzip);

/** Previews being made in this process, so that concurrent requests make each one once. */
const making = new Map<string, Promise<boolean>>();

/**
 * Whether the preview of a NIfTI scan is in the store, making it first if needed; false when none
 * can be made. The analysis job of a timepoint makes its CT's preview ahead of the first viewer.
 */
export async function ensurePreview(store: BlobStore, sha256: string, ext: string, fileName: string): Promise<boolean> {
  if (store.has(sha256, PREVIEW_EXT)) return true;
  if (!/\.nii(\.gz)?$/i.test(fileName)) return false;
  const key = store.pathFor(sha256, PREVIEW_EXT);
  let pending = making.get(key);
  if (!pending) {
    pending = makePreview(store, sha256, ext, fileName).finally(() => making.delete(key));
    making.set(key, pending);
  }
  return pending;
}

async function makePreview(store: BlobStore, sha256: string, ext: string, fileName: string): Promise<boolean> {
  try {
    // zlib runs in the thread pool; only the parse and the averaging hold the event loop (tens of ms for a CT).
    const bytes = await readFile(store.pathFor(sha256, ext));
    const plain = bytes[0] === 0x1f && bytes[1] === 0x8b ? await gunzipAsync(bytes) : bytes;
    const vol = readVolume(new Uint8Array(plain.buffer, plain.byteOffset, plain.byteLength), fileName);
    const nifti = writeNifti(previewVolume(vol, FACTOR), { gzip: false, description: "Mosaic viewer preview" });
    store.putDerived(sha256, PREVIEW_EXT, new Uint8Array(await gzipAsync(nifti, { level: 1 })));
    return true;
  } catch {
    // An unreadable or too small scan has no preview; its own download reports what is wrong.
    return false;
  }
}
