/**
 * The C13 guard on a doc, without a server: a client's update is applied with its writer as the
 * origin, the guard compensates, and the client gets the server's state back (what the room's
 * relay does). The server tests check the same through sockets, storage and relay.
 */
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { addAnnotation, addComment, addThread, deleteAnnotation, putBiopsyMark, setThreadResolved, updateAnnotation, updateBiopsyMark } from "./doc-ops";
import { readAnnotations, readBiopsyMarks, readThreads } from "./doc-shape";
import { DocGuard } from "./doc-guard";
import type { Writer } from "./permissions";

const rad: Writer = { userId: "rad", role: "radiologist" };
const onc: Writer = { userId: "onc", role: "oncologist" };
const path: Writer = { userId: "path", role: "pathologist" };
const T = 1_700_000_000_000;

function setup() {
  const server = new Y.Doc();
  const guard = new DocGuard(server);
  const client = () => {
    const doc = new Y.Doc();
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(server));
    return doc;
  };
  /** Sends what `doc` has that the server lacks as `writer`, then brings `doc` up to date. */
  const send = (doc: Y.Doc, writer: Writer) => {
    Y.applyUpdate(server, Y.encodeStateAsUpdate(doc, Y.encodeStateVector(server)), writer);
    guard.compensate();
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(server, Y.encodeStateVector(doc)));
    expect(guard.violated).toBe(false);
  };
  return { server, client, send };
}

const annotation = (doc: Y.Doc, author: string, id = "a1") => addAnnotation(doc, { id, kind: "point", timepointId: "tp", points: [[1, 2, 3]], text: "original" }, author, T);

describe("C13 guard", () => {
  it("[C13] undoes a non-author's edit and deletion of an annotation, in place, and keeps the author's", () => {
    const { server, client, send } = setup();
    const r = client();
    annotation(r, rad.userId);
    send(r, rad);
    const o = client();
    updateAnnotation(o, "a1", { text: "changed", points: [[9, 9, 9]] }, T + 1);
    (o.getMap("annotations").get("a1") as Y.Map<unknown>).set("extra", 1);
    send(o, onc);
    expect(readAnnotations(o)[0]).toMatchObject({ text: "original", points: [[1, 2, 3]], deleted: false, updatedAt: T });
    expect((server.getMap("annotations").get("a1") as Y.Map<unknown>).has("extra")).toBe(false);
    deleteAnnotation(o, "a1", T + 2);
    send(o, onc);
    expect(readAnnotations(o)[0]!.deleted).toBe(false);

    Y.applyUpdate(r, Y.encodeStateAsUpdate(server));
    updateAnnotation(r, "a1", { text: "by the author" }, T + 3);
    send(r, rad);
    deleteAnnotation(r, "a1", T + 4);
    send(r, rad);
    expect(readAnnotations(server)[0]).toMatchObject({ text: "by the author", deleted: true });
  });

  it("[C13] puts back an annotation another participant removed from the map or cleared", () => {
    const { server, client, send } = setup();
    const r = client();
    annotation(r, rad.userId, "a1");
    annotation(r, rad.userId, "a2");
    send(r, rad);
    const o = client();
    o.getMap("annotations").delete("a1");
    send(o, onc);
    expect(readAnnotations(o).map((a) => a.id)).toEqual(["a1", "a2"]);
    o.getMap("annotations").clear();
    o.getMap("annotations").set("a2", "not an annotation");
    send(o, onc);
    expect(readAnnotations(o)).toEqual(readAnnotations(server));
    expect(readAnnotations(server).map((a) => [a.id, a.text])).toEqual([
      ["a1", "original"],
      ["a2", "original"],
    ]);
  });

  it("[C13] removes a new annotation that names someone else as its author, and an author's hand-over", () => {
    const { server, client, send } = setup();
    const o = client();
    annotation(o, rad.userId, "forged");
    annotation(o, onc.userId, "mine");
    send(o, onc);
    expect(readAnnotations(server).map((a) => a.id)).toEqual(["mine"]);
    (o.getMap("annotations").get("mine") as Y.Map<unknown>).set("authorId", rad.userId);
    send(o, onc);
    expect(readAnnotations(o)[0]!.authorId).toBe(onc.userId);
  });

  it("[C13] lets only pathologists put or change biopsy marks, naming themselves as the last writer", () => {
    const { server, client, send } = setup();
    const r = client();
    putBiopsyMark(r, { id: "m0", lesionId: "L1", point: [0, 0, 0] }, rad.userId, T);
    send(r, rad);
    expect(readBiopsyMarks(server)).toEqual([]);

    const p = client();
    putBiopsyMark(p, { id: "m1", lesionId: "L1", point: [1, 1, 1], note: "n" }, path.userId, T);
    send(p, path);
    Y.applyUpdate(r, Y.encodeStateAsUpdate(server));
    updateBiopsyMark(r, "m1", { status: "accepted" }, rad.userId, T + 1);
    send(r, rad);
    updateBiopsyMark(r, "m1", { note: "a radiologist's note" }, rad.userId, T + 2);
    send(r, rad);
    expect(readBiopsyMarks(r)[0]).toMatchObject({ status: "proposed", note: "n", point: [1, 1, 1], updatedAt: T });
    expect(readBiopsyMarks(r)[0]!.updatedBy).toBeUndefined();

    updateBiopsyMark(p, "m1", { status: "accepted", point: [2, 2, 2] }, rad.userId, T + 3);
    send(p, path);
    expect(readBiopsyMarks(p)[0]!.status).toBe("proposed");
    updateBiopsyMark(p, "m1", { status: "accepted", point: [2, 2, 2] }, path.userId, T + 4);
    send(p, path);
    expect(readBiopsyMarks(server)[0]).toMatchObject({ status: "accepted", point: [2, 2, 2], updatedBy: path.userId, authorId: path.userId });
  });

  it("[C13] keeps others' comments as they were and where they were, and removes forged ones", () => {
    const { server, client, send } = setup();
    const r = client();
    const id = addThread(r, { type: "lesion", id: "L1" }, "first", rad.userId, T);
    addComment(r, id, "second", rad.userId, T + 1);
    send(r, rad);
    const o = client();
    addComment(o, id, "mine", onc.userId, T + 2);
    send(o, onc);
    const comments = () => (o.getMap("threads").get(id) as Y.Map<unknown>).get("comments") as Y.Array<Y.Map<unknown>>;
    comments().delete(0, 1);
    comments().get(0).set("text", "edited by someone else");
    addComment(o, id, "forged", rad.userId, T + 3);
    send(o, onc);
    expect(readThreads(o)[0]!.comments.map((c) => [c.authorId, c.text])).toEqual([
      [rad.userId, "first"],
      [rad.userId, "second"],
      [onc.userId, "mine"],
    ]);
    expect(readThreads(server)).toEqual(readThreads(o));

    comments().get(2).set("text", "mine, edited");
    comments().delete(2, 1);
    send(o, onc);
    expect(readThreads(server)[0]!.comments.map((c) => c.text)).toEqual(["first", "second"]);
  });

  it("[C13] keeps a thread's anchor, lets anyone resolve it, and puts back a removed thread", () => {
    const { server, client, send } = setup();
    const r = client();
    const id = addThread(r, { type: "lesion", id: "L1" }, "first", rad.userId, T);
    send(r, rad);
    const o = client();
    (o.getMap("threads").get(id) as Y.Map<unknown>).set("anchor", { type: "case", id: "case" });
    setThreadResolved(o, id, true);
    send(o, onc);
    expect(readThreads(server)[0]).toMatchObject({ anchor: { type: "lesion", id: "L1" }, resolved: true });
    (o.getMap("threads").get(id) as Y.Map<unknown>).set("resolved", "yes");
    send(o, onc);
    expect(readThreads(o)[0]!.resolved).toBe(true);
    o.getMap("threads").delete(id);
    send(o, onc);
    expect(readThreads(o)).toEqual(readThreads(server));
    expect(readThreads(server)[0]).toMatchObject({ id, anchor: { type: "lesion", id: "L1" }, resolved: true, comments: [{ authorId: rad.userId, text: "first" }] });

    const forged = addThread(o, { type: "case", id: "case" }, "forged start", rad.userId, T + 5);
    send(o, onc);
    expect(readThreads(server).map((t) => t.id)).toEqual([id]);
    expect(o.getMap("threads").has(forged)).toBe(false);
  });

  it("[C13] takes what is stored when the room loads as permitted", () => {
    const seed = new Y.Doc();
    annotation(seed, rad.userId);
    const server = new Y.Doc();
    Y.applyUpdate(server, Y.encodeStateAsUpdate(seed));
    const guard = new DocGuard(server);
    const o = new Y.Doc();
    Y.applyUpdate(o, Y.encodeStateAsUpdate(server));
    updateAnnotation(o, "a1", { text: "changed" }, T + 1);
    Y.applyUpdate(server, Y.encodeStateAsUpdate(o, Y.encodeStateVector(server)), onc);
    expect(guard.violated).toBe(true);
    guard.compensate();
    expect(readAnnotations(server)[0]!.text).toBe("original");
  });
});
