/**
 * Server-side enforcement of C13 on a room's doc. A Yjs update cannot be refused (the client
 * would resend it on every reconnect and diverge), so the guard lets it apply and then undoes
 * what it changed against the rules with an update of the server's own (`compensate`), which
 * every replica applies: all converge on the permitted state.
 *
 * The guard keeps the permitted state of every annotation, biopsy mark and thread (the shadow,
 * built when the room loads). After each transaction it reads the entries the transaction
 * touched (from `transaction.changed`, climbing from a changed type to the top-level entry that
 * holds it): if the sender may make that change, the shadow takes it; if not, the entry is a
 * violation until `compensate` rebuilds it from the shadow. Transactions of any other origin than
 * a `Writer` (loading, the server's own compensation) are taken as they are.
 */
import * as Y from "yjs";
import { TOP } from "./doc-shape";
import {
  field,
  isRecord,
  mayChangeAnnotation,
  mayChangeBiopsyMark,
  mayChangeThread,
  sameEntry,
  sameJson,
  type EntrySnap,
  type ThreadSnap,
  type Writer,
} from "./permissions";

type Kind = "annotation" | "mark" | "thread";
type Root = Y.Map<unknown>;

const jsonOf = (v: unknown): unknown => (v instanceof Y.AbstractType ? v.toJSON() : v);
const entrySnap = (v: unknown): EntrySnap | undefined => (v === undefined ? undefined : { ref: v, json: jsonOf(v) });

function threadSnap(v: unknown): ThreadSnap | undefined {
  if (v === undefined) return undefined;
  if (!(v instanceof Y.Map)) return { ref: v, fields: jsonOf(v), commentsRef: undefined, comments: [] };
  const fields: Record<string, unknown> = {};
  let commentsRef: unknown;
  v.forEach((value, key) => {
    if (key === "comments") commentsRef = value;
    else fields[key] = jsonOf(value);
  });
  const comments = commentsRef instanceof Y.Array ? commentsRef.toArray().map((c) => entrySnap(c)!) : [];
  return { ref: v, fields, commentsRef, comments };
}

export function isWriter(origin: unknown): origin is Writer {
  return typeof origin === "object" && origin !== null && typeof (origin as Writer).userId === "string" && typeof (origin as Writer).role === "string";
}

/** A value as it was: a Y.Map again for a map (not yet in the doc), else the JSON itself. */
function rebuild(s: EntrySnap): unknown {
  if (!(s.ref instanceof Y.Map) || !isRecord(s.json)) return s.json;
  const map = new Y.Map<unknown>();
  for (const [k, v] of Object.entries(s.json)) map.set(k, v);
  return map;
}

/** Sets a map's fields back to `json`, in place (keys in `keep` are left alone). */
function restoreFields(map: Y.Map<unknown>, json: Record<string, unknown>, keep: string[] = []): void {
  for (const [k, v] of Object.entries(json)) if (!keep.includes(k) && !sameJson(jsonOf(map.get(k)), v)) map.set(k, v);
  for (const k of [...map.keys()]) if (!keep.includes(k) && !Object.hasOwn(json, k)) map.delete(k);
}

export class DocGuard {
  private readonly roots = new Map<unknown, Kind>();
  private readonly rootOf: Record<Kind, Root>;
  private readonly annotations = new Map<string, EntrySnap>();
  private readonly marks = new Map<string, EntrySnap>();
  private readonly threads = new Map<string, ThreadSnap>();
  /** Entries changed against the rules since the last `compensate`, with their sender. */
  private readonly violations = new Map<string, { kind: Kind; key: string; writer: Writer }>();

  constructor(private readonly doc: Y.Doc) {
    // The server never reads these names as another type, so they are maps here whatever was stored.
    this.rootOf = { annotation: doc.getMap(TOP.annotations), mark: doc.getMap(TOP.biopsyMarks), thread: doc.getMap(TOP.threads) };
    for (const kind of ["annotation", "mark", "thread"] as const) {
      const root = this.rootOf[kind];
      this.roots.set(root, kind);
      for (const key of root.keys()) this.take(kind, key);
    }
    doc.on("afterTransaction", (tr: Y.Transaction) => this.check(tr));
  }

  /** Whether some entry is changed against the rules and waits for `compensate`. */
  get violated(): boolean {
    return this.violations.size > 0;
  }

  /** Restores every violated entry from the shadow, in one transaction whose origin is the guard. */
  compensate(): void {
    if (!this.violations.size) return;
    const pending = [...this.violations.values()];
    this.doc.transact(() => {
      for (const { kind, key, writer } of pending) {
        if (kind === "thread") this.restoreThread(key, writer);
        else this.restoreEntry(this.rootOf[kind], key, (kind === "annotation" ? this.annotations : this.marks).get(key));
      }
    }, this);
    this.violations.clear();
  }

  private check(tr: Y.Transaction): void {
    const touched = this.touched(tr);
    if (!touched.length) return;
    const writer = isWriter(tr.origin) ? tr.origin : undefined;
    for (const [kind, key] of touched) {
      const id = `${kind}\u0000${key}`;
      if (!writer || this.allowed(kind, key, writer)) {
        this.take(kind, key);
        this.violations.delete(id);
      } else {
        this.violations.set(id, { kind, key, writer });
      }
    }
  }

  private allowed(kind: Kind, key: string, writer: Writer): boolean {
    const value = this.rootOf[kind].get(key);
    if (kind === "thread") return mayChangeThread(this.threads.get(key), threadSnap(value), writer);
    const before = (kind === "annotation" ? this.annotations : this.marks).get(key);
    const after = entrySnap(value);
    if (sameEntry(before, after)) return true;
    return kind === "annotation" ? mayChangeAnnotation(before, after, writer) : mayChangeBiopsyMark(before, after, writer);
  }

  /** Records an entry's current state as permitted. */
  private take(kind: Kind, key: string): void {
    const value = this.rootOf[kind].get(key);
    const shadow = kind === "annotation" ? this.annotations : kind === "mark" ? this.marks : this.threads;
    const snap = kind === "thread" ? threadSnap(value) : entrySnap(value);
    if (snap) (shadow as Map<string, EntrySnap | ThreadSnap>).set(key, snap);
    else shadow.delete(key);
  }

  /** The top-level entries a transaction changed, deduplicated. */
  private touched(tr: Y.Transaction): [Kind, string][] {
    const out = new Map<string, [Kind, string]>();
    const add = (kind: Kind, key: string) => out.set(`${kind}\u0000${key}`, [kind, key]);
    tr.changed.forEach((keys, type) => {
      const kind = this.roots.get(type);
      if (kind) {
        for (const key of keys) if (key !== null) add(kind, key);
        return;
      }
      // A type inside an entry: climb to the entry, the child of a guarded top-level map.
      for (let t: { _item: Y.Item | null } = type; t._item; ) {
        const item = t._item;
        if (!(item.parent instanceof Y.AbstractType)) return;
        const rootKind = this.roots.get(item.parent);
        if (rootKind) {
          if (item.parentSub !== null) add(rootKind, item.parentSub);
          return;
        }
        t = item.parent;
      }
    });
    return [...out.values()];
  }

  private restoreEntry(root: Root, key: string, before: EntrySnap | undefined): void {
    const current = root.get(key);
    if (!before) root.delete(key);
    else if (current instanceof Y.Map && current === before.ref && isRecord(before.json)) restoreFields(current, before.json);
    else root.set(key, rebuild(before));
  }

  private restoreThread(key: string, writer: Writer): void {
    const root = this.rootOf.thread;
    const before = this.threads.get(key);
    const current = root.get(key);
    if (!before) return root.delete(key);
    if (!(current instanceof Y.Map) || current !== before.ref || !isRecord(before.fields)) {
      // Removed or replaced: put the thread back as it was (a new map, with its comments).
      const map = new Y.Map<unknown>();
      root.set(key, isRecord(before.fields) ? map : before.fields);
      if (isRecord(before.fields)) this.fillThread(map, before);
      return;
    }
    restoreFields(current, before.fields, ["resolved", "comments"]);
    if (typeof current.get("resolved") !== "boolean") {
      if (Object.hasOwn(before.fields, "resolved")) current.set("resolved", before.fields.resolved);
      else current.delete("resolved");
    }
    const list = current.get("comments");
    if (list !== before.commentsRef || !(list instanceof Y.Array)) this.setComments(current, before);
    else this.restoreComments(list, before.comments, writer);
  }

  private fillThread(map: Y.Map<unknown>, before: ThreadSnap): void {
    for (const [k, v] of Object.entries(before.fields as Record<string, unknown>)) map.set(k, v);
    this.setComments(map, before);
  }

  private setComments(thread: Y.Map<unknown>, before: ThreadSnap): void {
    if (before.commentsRef === undefined) {
      thread.delete("comments");
    } else if (before.commentsRef instanceof Y.Array) {
      const list = new Y.Array<unknown>();
      thread.set("comments", list);
      list.push(before.comments.map(rebuild));
    } else {
      thread.set("comments", jsonOf(before.commentsRef));
    }
  }

  /**
   * Fixes a thread's comments in place: comments the writer may not add go, forbidden edits of a
   * comment are undone, and others' comments the writer removed come back after the comment they
   * followed. Comments added meanwhile by others stay where they are.
   */
  private restoreComments(list: Y.Array<unknown>, before: EntrySnap[], writer: Writer): void {
    const was = new Map(before.map((c) => [c.ref, c]));
    const items = list.toArray();
    for (let i = items.length - 1; i >= 0; i--) {
      const item = items[i];
      const old = was.get(item);
      const mine = field(jsonOf(item), "authorId") === writer.userId;
      if (!old && !mine) {
        list.delete(i, 1);
        items.splice(i, 1);
      } else if (old && !sameJson(old.json, jsonOf(item)) && (!mine || field(old.json, "authorId") !== writer.userId) && item instanceof Y.Map && isRecord(old.json)) {
        restoreFields(item, old.json);
      }
    }
    let at = 0;
    for (const c of before) {
      const i = items.indexOf(c.ref);
      if (i >= 0) at = i + 1;
      else if (field(c.json, "authorId") !== writer.userId) {
        const again = rebuild(c);
        list.insert(at, [again]);
        items.splice(at++, 0, again);
      }
    }
  }
}
