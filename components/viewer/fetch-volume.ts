/**
 * Downloads a volume from the authenticated volume route with byte progress, and turns every
 * failure into a message a clinician can act on (never a blank canvas).
 */

export class VolumeLoadError extends Error {
  constructor(
    message: string,
    readonly reason: "session" | "missing" | "network" | "corrupt",
  ) {
    super(message);
  }
}

const GZIP_MAGIC = [0x1f, 0x8b];

export interface VolumeBytes {
  buffer: ArrayBuffer;
  /** The server sent a gzip file as `Content-Encoding: gzip` and the browser inflated it. */
  inflated: boolean;
}

/**
 * The URL the viewer downloads a volume from: gzip files come as `Content-Encoding: gzip`, which
 * the browser inflates in its network stack, off the page's main thread; `preview` asks for a CT's
 * half-resolution preview (server/imaging/volume-response.ts).
 */
export function transferUrl(url: string, preview = false): string {
  return `${url}${url.includes("?") ? "&" : "?"}inflate=1${preview ? "&preview=1" : ""}`;
}

/**
 * Fetches `url` fully; `onBytes(loaded)` reports progress in bytes of the stored file (an inflated
 * download is scaled back by the server's `X-Decoded-Length`). `what` names the volume in messages ("CT").
 */
export async function fetchVolume(url: string, what: string, onBytes: (loaded: number) => void, signal?: AbortSignal): Promise<VolumeBytes> {
  let res: Response;
  try {
    res = await fetch(url, { credentials: "same-origin", signal });
  } catch (e) {
    if (signal?.aborted) throw e;
    throw new VolumeLoadError(`Could not reach the server to load the ${what}.`, "network");
  }
  if (res.status === 401) throw new VolumeLoadError("Your session has ended. Sign in again to see the scans.", "session");
  if (res.status === 404) {
    const body = (await res.json().catch(() => null)) as { error?: string } | null;
    throw new VolumeLoadError(`The ${what} is not available: ${body?.error ?? "not found"}`, "missing");
  }
  if (!res.ok || !res.body) throw new VolumeLoadError(`The server could not send the ${what} (HTTP ${res.status}).`, "network");

  const inflated = res.headers.get("Content-Encoding") === "gzip";
  const encodedBytes = Number(res.headers.get("Content-Length"));
  const decodedBytes = Number(res.headers.get("X-Decoded-Length"));
  const scale = inflated && encodedBytes > 0 && decodedBytes > 0 ? encodedBytes / decodedBytes : 1;
  const chunks: Uint8Array[] = [];
  let loaded = 0;
  const reader = res.body.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      loaded += value.byteLength;
      onBytes(Math.round(loaded * scale));
    }
  } catch (e) {
    if (signal?.aborted) throw e;
    // A broken connection and a gzip stream the browser cannot inflate look the same here.
    throw new VolumeLoadError(`The ${what} could not be downloaded completely: the connection broke off or the file is corrupt.`, inflated ? "corrupt" : "network");
  }
  const out = new Uint8Array(loaded);
  let offset = 0;
  for (const c of chunks) {
    out.set(c, offset);
    offset += c.byteLength;
  }
  if (out.byteLength < 352) throw new VolumeLoadError(`The ${what} file is empty or truncated (${out.byteLength} bytes).`, "corrupt");
  return { buffer: out.buffer, inflated };
}

/** Whether bytes start like a gzip stream; a `.gz` file that does not is corrupt. */
export function looksGzipped(buffer: ArrayBuffer): boolean {
  const b = new Uint8Array(buffer, 0, 2);
  return b[0] === GZIP_MAGIC[0] && b[1] === GZIP_MAGIC[1];
}

/** Inflates a gzip file with the browser's native decompressor; throws VolumeLoadError when the stream is broken. */
export async function gunzip(buffer: ArrayBuffer, what: string): Promise<ArrayBuffer> {
  try {
    return await new Response(new Blob([buffer]).stream().pipeThrough(new DecompressionStream("gzip"))).arrayBuffer();
  } catch {
    throw new VolumeLoadError(`The ${what} file is corrupt (its gzip data is broken).`, "corrupt");
  }
}
