/**
 * Scan files under the data directory, addressed by the SHA-256 of their bytes
 * (`blobs/ab/abcdef….<ext>`). Writes go to a temporary file and are renamed into place, so a
 * crash never leaves a half-written file under a valid name; identical content is stored once.
 */
import { createHash, randomBytes } from "node:crypto";
import { closeSync, existsSync, mkdirSync, openSync, readSync, renameSync, writeFileSync, statSync, unlinkSync } from "node:fs";
import { open, type FileHandle } from "node:fs/promises";
import path from "node:path";

const SHA256 = /^[0-9a-f]{64}$/;
const EXT = /^[a-z0-9.]{1,16}$/;

export class BlobStore {
  constructor(private readonly root: string) {}

  pathFor(sha256: string, ext: string): string {
    if (!SHA256.test(sha256)) throw new Error(`not a SHA-256: ${sha256.slice(0, 80)}`);
    if (!EXT.test(ext)) throw new Error(`bad blob extension: ${ext.slice(0, 20)}`);
    return path.join(/*turbopackIgnore: true*/ this.root, sha256.slice(0, 2), `${sha256}.${ext}`);
  }

  /** Stores bytes; returns their SHA-256. Idempotent. */
  put(bytes: Uint8Array, ext: string): { sha256: string; byteSize: number } {
    const sha256 = createHash("sha256").update(bytes).digest("hex");
    const target = this.pathFor(sha256, ext);
    if (!existsSync(target)) writeAtomically(target, bytes);
    return { sha256, byteSize: bytes.byteLength };
  }

  /**
   * Stores a file derived from blob `sha256` (a preview, say) under that blob's name with its own
   * extension: one derived file per blob and extension, made by a deterministic function of it.
   */
  putDerived(sha256: string, ext: string, bytes: Uint8Array): void {
    writeAtomically(this.pathFor(sha256, ext), bytes);
  }

  has(sha256: string, ext: string): boolean {
    return existsSync(this.pathFor(sha256, ext));
  }

  size(sha256: string, ext: string): number {
    return statSync(this.pathFor(sha256, ext)).size;
  }

  /** `length` bytes of the file from `offset`. */
  read(sha256: string, ext: string, offset: number, length: number): Uint8Array {
    const fd = openSync(this.pathFor(sha256, ext), "r");
    try {
      const out = new Uint8Array(length);
      const n = readSync(fd, out, 0, length, offset);
      return out.subarray(0, n);
    } finally {
      closeSync(fd);
    }
  }

  /**
   * The file as a web stream, read on demand. Pull-based on purpose: Node 20's Readable.toWeb can
   * throw "Controller is already closed" outside any handler when the client cancels a download.
   */
  webStream(sha256: string, ext: string, chunkBytes = 256 * 1024): ReadableStream<Uint8Array> {
    const file = this.pathFor(sha256, ext);
    let handle: FileHandle | undefined;
    return new ReadableStream<Uint8Array>({
      async start() {
        handle = await open(file, "r");
      },
      async pull(controller) {
        const buf = new Uint8Array(chunkBytes);
        const { bytesRead } = await handle!.read(buf, 0, chunkBytes, null);
        if (bytesRead === 0) {
          await handle!.close();
          handle = undefined;
          controller.close();
        } else {
          controller.enqueue(buf.subarray(0, bytesRead));
        }
      },
      async cancel() {
        await handle?.close();
        handle = undefined;
      },
    });
  }
}

function writeAtomically(target: string, bytes: Uint8Array): void {
  mkdirSync(path.dirname(target), { recursive: true });
  const tmp = `${target}.${randomBytes(6).toString("hex")}.tmp`;
  try {
    writeFileSync(tmp, bytes, { flag: "wx" });
    renameSync(tmp, target);
  } catch (e) {
    if (existsSync(tmp)) unlinkSync(tmp);
    throw e;
  }
}

/** The blob store of the configured data directory. */
export function blobStore(dataDir: string): BlobStore {
  return new BlobStore(path.join(dataDir, "blobs"));
}
