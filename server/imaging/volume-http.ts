/**
 * The volume route (`GET /api/volumes/<id>`, volume-response.ts) on the custom server's listener,
 * in front of Next (server/main.ts). Not a Next route handler because Next drops a handler's
 * Content-Encoding header (next/dist/server/send-response.js), and `?inflate=1` is that header:
 * the browser then inflates the scan off the page's main thread.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { volumeResponse, type VolumeResponseDeps } from "./volume-response";

export const VOLUME_PREFIX = "/api/volumes/";

/** What next.config.js adds to every response Next sends. */
const SECURITY_HEADERS = { "X-Content-Type-Options": "nosniff", "X-Frame-Options": "DENY", "Referrer-Policy": "same-origin" };

export function isVolumeRequest(req: IncomingMessage): boolean {
  return req.url?.startsWith(VOLUME_PREFIX) ?? false;
}

/** Answers a request under VOLUME_PREFIX, streaming the file with backpressure; a client that goes away stops the read. */
export async function serveVolume(deps: VolumeResponseDeps, req: IncomingMessage, res: ServerResponse): Promise<void> {
  let response: Response;
  try {
    if (req.method !== "GET" && req.method !== "HEAD") {
      response = Response.json({ error: "Method not allowed." }, { status: 405, headers: { Allow: "GET, HEAD" } });
    } else {
      const url = new URL(req.url!, `http://${req.headers.host ?? "localhost"}`);
      const headers = new Headers();
      for (const [name, value] of Object.entries(req.headers)) for (const v of [value ?? []].flat()) headers.append(name, v);
      response = await volumeResponse(deps, new Request(url, { headers }), decodeURIComponent(url.pathname.slice(VOLUME_PREFIX.length)));
    }
  } catch (e) {
    process.stderr.write(`mosaic: volume request failed: ${e instanceof Error ? e.message : String(e)}\n`);
    response = Response.json({ error: "The server could not send the volume." }, { status: 500, headers: { "Cache-Control": "no-store" } });
  }
  res.writeHead(response.status, { ...SECURITY_HEADERS, ...Object.fromEntries(response.headers) });
  if (!response.body || req.method === "HEAD") {
    await response.body?.cancel();
    res.end();
    return;
  }
  const reader = response.body.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      if (!res.write(value) && !res.destroyed) await drainedOrClosed(res);
      if (res.destroyed) break;
    }
  } catch {
    // The file became unreadable mid-way: the client sees a cut connection, not a short file.
    res.destroy();
  }
  // A client that went away stops the read (and closes the file).
  if (res.destroyed) await reader.cancel().catch(() => {});
  else res.end();
}

function drainedOrClosed(res: ServerResponse): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      res.off("drain", done);
      res.off("close", done);
      resolve();
    };
    res.on("drain", done);
    res.on("close", done);
  });
}
