/**
 * Session lifecycle events shared by Next's bundled routes and the custom server (one process,
 * so one emitter on globalThis): the collab server closes the sockets of a session that ends.
 */
import { EventEmitter } from "node:events";

const key = Symbol.for("mosaic.session-events");
type G = typeof globalThis & { [key]?: EventEmitter };

/** Emits "ended" with the session's cookie token. */
export function sessionEvents(): EventEmitter {
  const g = globalThis as G;
  g[key] ??= new EventEmitter();
  return g[key];
}
