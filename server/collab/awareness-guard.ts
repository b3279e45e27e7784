/**
 * Awareness (presence) from a client is untrusted: a client could claim another person's name
 * or overwrite another connection's state. Before the server applies an awareness update it
 * keeps only the entries of client ids this connection controls, replaces `user` with the
 * signed-in identity, and keeps only the fields of DESIGN.md §4 (plus the editor's caret).
 */
import * as encoding from "lib0/encoding";
import * as decoding from "lib0/decoding";
import { awarenessUserSchema, viewSchema, type AwarenessUser } from "./doc-shape";

export interface Identity {
  id: string;
  name: string;
  role: string;
}

const MAX_CURSOR_JSON = 4096;
const MAX_ENTRIES = 64;
const PALETTE = ["#6cb4ee", "#5fc08f", "#e5b454", "#ec7a6f", "#b48ef0", "#4fc3c8", "#f08fc0", "#a3c95f"];

/** A stable colour for a user id, when the client offers none. */
export function colorFor(userId: string): string {
  let h = 0;
  for (const ch of userId) h = (h * 31 + ch.charCodeAt(0)) >>> 0;
  return PALETTE[h % PALETTE.length]!;
}

function sanitize(state: unknown, identity: Identity): Record<string, unknown> | undefined {
  if (typeof state !== "object" || state === null || Array.isArray(state)) return undefined;
  const s = state as Record<string, unknown>;
  const offered = (s.user as { color?: unknown } | undefined)?.color;
  const user: AwarenessUser = { ...identity, color: typeof offered === "string" && /^#[0-9a-f]{6}$/i.test(offered) ? offered : colorFor(identity.id) };
  const out: Record<string, unknown> = { user: awarenessUserSchema.parse(user) };
  const view = viewSchema.safeParse(s.view);
  if (view.success) out.view = view.data;
  out.presenting = s.presenting === true;
  if (s.cursor === null || (typeof s.cursor === "object" && JSON.stringify(s.cursor).length <= MAX_CURSOR_JSON)) out.cursor = s.cursor;
  return out;
}

/**
 * The update with foreign and malformed entries dropped and identities enforced, and the
 * client ids it carries; undefined when nothing is left.
 */
export function guardAwarenessUpdate(update: Uint8Array, identity: Identity, owns: (clientId: number) => boolean): { update: Uint8Array; clientIds: number[] } | undefined {
  const decoder = decoding.createDecoder(update);
  const count = decoding.readVarUint(decoder);
  const kept: { clientId: number; clock: number; json: string }[] = [];
  for (let i = 0; i < count; i++) {
    const clientId = decoding.readVarUint(decoder);
    const clock = decoding.readVarUint(decoder);
    const raw = decoding.readVarString(decoder);
    if (kept.length >= MAX_ENTRIES || !owns(clientId)) continue;
    let state: unknown;
    try {
      state = JSON.parse(raw);
    } catch {
      continue;
    }
    if (state === null) {
      kept.push({ clientId, clock, json: "null" });
      continue;
    }
    const clean = sanitize(state, identity);
    if (clean) kept.push({ clientId, clock, json: JSON.stringify(clean) });
  }
  if (kept.length === 0) return undefined;
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, kept.length);
  for (const k of kept) {
    encoding.writeVarUint(encoder, k.clientId);
    encoding.writeVarUint(encoder, k.clock);
    encoding.writeVarString(encoder, k.json);
  }
  return { update: encoding.toUint8Array(encoder), clientIds: kept.map((k) => k.clientId) };
}
