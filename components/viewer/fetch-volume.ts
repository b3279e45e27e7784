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

/** Fetches `url` fully; `onBytes(loaded)` reports progress. `what` names the volume in messages ("CT"). */
export async function fetchVolume(url: string, what: string, onBytes: (loaded: number) => void, signal?: AbortSignal): Promise<ArrayBuffer> {
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

  const chunks: Uint8Array[] = [];
  let loaded = 0;
  const reader = res.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    loaded += value.byteLength;
    onBytes(loaded);
  }
  const out = new Uint8Array(loaded);
  let offset = 0;
  for (const c of chunks) {
    out.set(c, offset);
    offset += c.byteLength;
  }
  if (out.byteLength < 352) throw new VolumeLoadError(`The ${what} file is empty or truncated (${out.byteLength} bytes).`, "corrupt");
  return out.buffer;
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
