/**
 * Who may change what in the shared case document (C13), as pure checks of one entry before
 * and after a participant's update. Entries are compared as plain data plus the identity of the
 * Yjs value that holds them (`ref`): a comment deleted and written again with the same text is
 * a removal and an addition, not "unchanged". Isomorphic, no Yjs import.
 */

/** The sender of an update: the socket's signed-in user. */
export interface Writer {
  userId: string;
  role: string;
}

/** An annotation, a biopsy mark or a comment: the value at its key, and that value as JSON. */
export interface EntrySnap {
  ref: unknown;
  json: unknown;
}

/** A thread: its fields except `comments` (JSON), and its comments by identity. */
export interface ThreadSnap {
  ref: unknown;
  fields: unknown;
  commentsRef: unknown;
  comments: EntrySnap[];
}

export const BIOPSY_ROLE = "pathologist";
/** The only thread field any member may change (besides adding comments). */
const RESOLVED = "resolved";

export const isRecord = (x: unknown): x is Record<string, unknown> => typeof x === "object" && x !== null && !Array.isArray(x) && !(x instanceof Uint8Array);

/** Deep equality of JSON-like values (object key order ignored). */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a)) return Array.isArray(b) && a.length === b.length && a.every((x, i) => sameJson(x, b[i]));
  if (a instanceof Uint8Array) return b instanceof Uint8Array && a.length === b.length && a.every((x, i) => x === b[i]);
  if (!isRecord(a) || !isRecord(b)) return false;
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((k) => Object.hasOwn(b, k) && sameJson(a[k], b[k]));
}

export const field = (json: unknown, key: string): unknown => (isRecord(json) ? json[key] : undefined);

export function sameEntry(before: EntrySnap | undefined, after: EntrySnap | undefined): boolean {
  if (!before || !after) return before === after;
  return before.ref === after.ref && sameJson(before.json, after.json);
}

/** An annotation is its author's: only they create it (naming themselves), change or remove it. */
export function mayChangeAnnotation(before: EntrySnap | undefined, after: EntrySnap | undefined, w: Writer): boolean {
  return (!before || field(before.json, "authorId") === w.userId) && (!after || field(after.json, "authorId") === w.userId);
}

/**
 * Biopsy marks are written by pathologists only (the biopsy panel offers nothing else to other
 * roles). The result names the sender as its last writer (`updatedBy`, or `authorId` on a mark
 * that was never changed), and `authorId` stays the creator unless the sender puts a new mark.
 */
export function mayChangeBiopsyMark(before: EntrySnap | undefined, after: EntrySnap | undefined, w: Writer): boolean {
  if (w.role !== BIOPSY_ROLE) return false;
  if (!after) return true;
  const author = field(after.json, "authorId");
  const lastWriter = field(after.json, "updatedBy") ?? author;
  return lastWriter === w.userId && (author === w.userId || (before !== undefined && author === field(before.json, "authorId")));
}

/**
 * Threads: a comment is its author's (new or changed comments name the sender; others' comments
 * stay as they are, in place); a thread's fields other than `resolved` never change once it
 * exists; `resolved` is open to every member but stays a boolean.
 */
export function mayChangeThread(before: ThreadSnap | undefined, after: ThreadSnap | undefined, w: Writer): boolean {
  if (before && after && !sameThreadFields(before.fields, after.fields)) return false;
  const now = new Map((after?.comments ?? []).map((c) => [c.ref, c]));
  for (const c of before?.comments ?? []) {
    if (field(c.json, "authorId") === w.userId) continue;
    const kept = now.get(c.ref);
    if (!kept || !sameJson(kept.json, c.json)) return false;
  }
  const was = new Map((before?.comments ?? []).map((c) => [c.ref, c]));
  for (const c of after?.comments ?? []) {
    const old = was.get(c.ref);
    if ((!old || !sameJson(old.json, c.json)) && field(c.json, "authorId") !== w.userId) return false;
  }
  return true;
}

/** Whether the fields other than `resolved` are equal and `resolved`, if changed, is a boolean. */
function sameThreadFields(before: unknown, after: unknown): boolean {
  if (!isRecord(before) || !isRecord(after)) return sameJson(before, after);
  const { [RESOLVED]: was, ...rest } = before;
  const { [RESOLVED]: now, ...restAfter } = after;
  return sameJson(rest, restAfter) && (sameJson(was, now) || typeof now === "boolean");
}
