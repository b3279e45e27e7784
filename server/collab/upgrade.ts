/**
 * The `/collab/` upgrade path. Authentication (session cookie) and the case-access check run
 * on the upgrade, before any document byte is sent; a refused socket is accepted and closed at
 * once with 4401 (no session) or 4403 (no access), which y-websocket treats as final.
 */
import type { IncomingMessage, Server } from "node:http";
import type { Duplex } from "node:stream";
import { WebSocketServer, type WebSocket } from "ws";
import type { Db } from "@/db/client";
import { canAccessCase } from "@/db/repositories/cases";
import type { UserDto } from "@/db/repositories/users";
import { sessionUser, tokenFromCookieHeader } from "../auth/sessions";

export const COLLAB_PREFIX = "/collab/";
export const CLOSE_NO_SESSION = 4401;
export const CLOSE_FORBIDDEN = 4403;

export interface CollabConnection {
  ws: WebSocket;
  req: IncomingMessage;
  user: UserDto;
  sessionToken: string;
  caseId: string;
  room: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** `case:<uuid>` from `/collab/case:<uuid>` (query string ignored), else undefined. */
export function roomFromPath(url: string | undefined): { room: string; caseId: string } | undefined {
  if (!url?.startsWith(COLLAB_PREFIX)) return undefined;
  const name = decodeURIComponent(url.slice(COLLAB_PREFIX.length).split("?")[0]!);
  const m = /^case:(.+)$/.exec(name);
  return m && UUID.test(m[1]!) ? { room: name, caseId: m[1]!.toLowerCase() } : undefined;
}

/**
 * Attaches the collab upgrade handler to an HTTP server. `onConnection` receives sockets that
 * passed the checks; without one (before the collaboration server exists) every socket is refused.
 */
export function attachCollabUpgrade(server: Server, db: () => Db, onConnection?: (c: CollabConnection) => void): WebSocketServer {
  const wss = new WebSocketServer({ noServer: true, maxPayload: 16 * 1024 * 1024 });
  server.on("upgrade", (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    if (!req.url?.startsWith(COLLAB_PREFIX)) return; // Next's own upgrade listener handles the rest.
    void (async () => {
      const token = tokenFromCookieHeader(req.headers.cookie);
      let code = 0;
      let user: UserDto | undefined;
      const target = roomFromPath(req.url);
      try {
        user = await sessionUser(db(), token);
        if (!user) code = CLOSE_NO_SESSION;
        else if (!target || !(await canAccessCase(db(), user.id, target.caseId)) || !onConnection) code = CLOSE_FORBIDDEN;
      } catch {
        code = CLOSE_FORBIDDEN;
      }
      wss.handleUpgrade(req, socket, head, (ws) => {
        if (code !== 0) {
          ws.close(code, code === CLOSE_NO_SESSION ? "sign in required" : "no access to this case");
          return;
        }
        onConnection!({ ws, req, user: user!, sessionToken: token!, caseId: target!.caseId, room: target!.room });
      });
    })();
  });
  return wss;
}
