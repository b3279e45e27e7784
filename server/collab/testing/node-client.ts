/**
 * Real y-websocket providers for Node tests and the benchmark: a `ws` subclass sends the
 * session cookie on the upgrade (a browser does that by itself).
 */
import WebSocket from "ws";
import * as Y from "yjs";
import { WebsocketProvider } from "y-websocket";
import { roomName } from "../doc-shape";
import { SESSION_COOKIE } from "../../auth/sessions";

export const cookieFor = (token: string) => `${SESSION_COOKIE}=${encodeURIComponent(token)}`;

export function cookieWebSocket(cookie: string): typeof globalThis.WebSocket {
  class CookieWebSocket extends WebSocket {
    constructor(url: string | URL, protocols?: string | string[]) {
      super(url, protocols, { headers: { cookie } });
    }
  }
  return CookieWebSocket as unknown as typeof globalThis.WebSocket;
}

export interface TestClient {
  doc: Y.Doc;
  provider: WebsocketProvider;
  /** Resolves at the next time the provider is synced with the server. */
  synced(timeoutMs?: number): Promise<void>;
  destroy(): void;
}

/** A provider on `ws://…/collab` for a case, connected at once unless `connect` is false. */
export function connectClient(collabUrl: string, caseId: string, cookie: string, opts: { doc?: Y.Doc; connect?: boolean } = {}): TestClient {
  const doc = opts.doc ?? new Y.Doc();
  const provider = new WebsocketProvider(collabUrl, roomName(caseId), doc, {
    WebSocketPolyfill: cookieWebSocket(cookie),
    disableBc: true,
    connect: opts.connect ?? true,
    maxBackoffTime: 200,
  });
  return {
    doc,
    provider,
    synced(timeoutMs = 10_000) {
      if (provider.synced) return Promise.resolve();
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`not synced within ${timeoutMs} ms`)), timeoutMs);
        const on = (s: boolean) => {
          if (!s) return;
          clearTimeout(timer);
          provider.off("sync", on);
          resolve();
        };
        provider.on("sync", on);
      });
    },
    destroy() {
      provider.destroy();
      doc.destroy();
    },
  };
}

/** Polls until `check` passes (returns true) or throws after `timeoutMs` with `what`. */
export async function waitFor(check: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}
