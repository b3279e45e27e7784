/** The shared document's readers and writers (DESIGN.md §4) and the awareness guard. */
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import * as encoding from "lib0/encoding";
import * as decoding from "lib0/decoding";
import { addAnnotation, addComment, addThread, DocShapeError, putBiopsyMark, updateAnnotation, updateBiopsyMark } from "./doc-ops";
import { draftText, lineLengthMm, readAnnotations, readBiopsyMarks, readThreads } from "./doc-shape";
import { guardAwarenessUpdate } from "./awareness-guard";

const T = 1_700_000_000_000;

describe("[C11] readers drop what does not fit the shape", () => {
  it("keeps valid annotations and drops malformed ones written by a hostile client", () => {
    const doc = new Y.Doc();
    addAnnotation(doc, { id: "ok", kind: "line", timepointId: "tp", points: [[0, 0, 0], [3, 4, 0]], text: "L3 long axis" }, "u1", T);
    const annotations = doc.getMap<unknown>("annotations");
    annotations.set("plain-value", { id: "plain-value" });
    const bad = new Y.Map<unknown>();
    annotations.set("bad", bad);
    bad.set("id", "bad");
    bad.set("kind", "point");
    bad.set("points", [["x", 1, 2]]);
    const liar = new Y.Map<unknown>();
    annotations.set("key", liar);
    for (const [k, v] of Object.entries({ id: "other", kind: "point", timepointId: "t", points: [[1, 2, 3]], text: "", authorId: "u", createdAt: T, updatedAt: T, deleted: false })) liar.set(k, v);
    expect(readAnnotations(doc).map((a) => a.id)).toEqual(["ok"]);
    expect(lineLengthMm(readAnnotations(doc)[0]!.points)).toBe(5);
  });

  it("returns nothing (instead of throwing) when a top-level name holds another type", () => {
    const doc = new Y.Doc();
    doc.getArray("annotations").push([1]);
    doc.getText("decisionDraft").insert(0, "x");
    expect(readAnnotations(doc)).toEqual([]);
    expect(draftText(doc)).toBe("");
    expect(() => addAnnotation(doc, { kind: "point", timepointId: "t", points: [[0, 0, 0]] }, "u")).toThrow(DocShapeError);
  });

  it("validates writes: a point has one point, a line two, a region at least three", () => {
    const doc = new Y.Doc();
    expect(() => addAnnotation(doc, { kind: "line", timepointId: "t", points: [[0, 0, 0]] }, "u")).toThrow();
    expect(() => addAnnotation(doc, { kind: "roi", timepointId: "t", points: [[0, 0, 0], [1, 1, 1]] }, "u")).toThrow();
    const id = addAnnotation(doc, { kind: "point", timepointId: "t", points: [[0, 0, 0]] }, "u");
    expect(() => updateAnnotation(doc, id, { points: [[NaN, 0, 0]] })).toThrow(DocShapeError);
    expect(readAnnotations(doc)[0]!.points).toEqual([[0, 0, 0]]);
  });

  it("reads threads with their valid comments, and biopsy marks with who changed them", () => {
    const doc = new Y.Doc();
    const id = addThread(doc, { type: "lesion", id: "L3" }, "Is L3 reachable?", "u1", T);
    addComment(doc, id, "Yes, @[Dr. Paula Okafor](user:p1) agrees", "u2", T + 1);
    (doc.getMap<Y.Map<unknown>>("threads").get(id)!.get("comments") as Y.Array<unknown>).push(["not a map"]);
    expect(readThreads(doc)).toEqual([
      { id, anchor: { type: "lesion", id: "L3" }, resolved: false, createdAt: T, comments: [expect.objectContaining({ text: "Is L3 reachable?" }), expect.objectContaining({ authorId: "u2" })] },
    ]);
    const m = putBiopsyMark(doc, { lesionId: "L3", point: [1, 2, 3] }, "u1", T);
    updateBiopsyMark(doc, m, { status: "accepted" }, "path", T + 5);
    expect(readBiopsyMarks(doc)).toEqual([{ id: m, lesionId: "L3", point: [1, 2, 3], status: "accepted", note: "", authorId: "u1", updatedBy: "path", updatedAt: T + 5 }]);
    expect(() => updateBiopsyMark(doc, m, { status: "lost" as never }, "path")).toThrow(DocShapeError);
  });

  it("turns the draft into plain text: blocks, lists and breaks, never markup", () => {
    const doc = new Y.Doc();
    const frag = doc.getXmlFragment("decisionDraft");
    frag.insert(0, [new Y.XmlElement("heading"), new Y.XmlElement("paragraph"), new Y.XmlElement("bulletList")]);
    const [heading, para, list] = frag.toArray() as Y.XmlElement[];
    heading!.insert(0, [new Y.XmlText("Recommendation")]);
    para!.insert(0, [new Y.XmlText("Biopsy "), new Y.XmlElement("hardBreak"), new Y.XmlText("<b>L3</b>")]);
    (para!.get(0) as Y.XmlText).format(0, 6, { bold: true });
    list!.insert(0, [new Y.XmlElement("listItem")]);
    (list!.get(0) as Y.XmlElement).insert(0, [new Y.XmlElement("paragraph")]);
    ((list!.get(0) as Y.XmlElement).get(0) as Y.XmlElement).insert(0, [new Y.XmlText("FOLFIRI")]);
    expect(draftText(doc)).toBe("Recommendation\nBiopsy\n<b>L3</b>\n- FOLFIRI");
  });
});

describe("[C10] awareness guard", () => {
  const encode = (entries: [number, number, string][]) => {
    const e = encoding.createEncoder();
    encoding.writeVarUint(e, entries.length);
    for (const [id, clock, json] of entries) {
      encoding.writeVarUint(e, id);
      encoding.writeVarUint(e, clock);
      encoding.writeVarString(e, json);
    }
    return encoding.toUint8Array(e);
  };
  const decode = (u: Uint8Array) => {
    const d = decoding.createDecoder(u);
    return Array.from({ length: decoding.readVarUint(d) }, () => [decoding.readVarUint(d), decoding.readVarUint(d), JSON.parse(decoding.readVarString(d))]);
  };
  const me = { id: "u1", name: "Dr. Real", role: "radiologist" };

  it("enforces the signed-in identity, keeps valid fields only, and drops foreign or malformed entries", () => {
    const update = encode([
      [1, 3, JSON.stringify({ user: { id: "u9", name: "Fake", role: "admin", color: "#abcdef" }, view: { timepointId: "t", crosshairMm: [1, 2, 3], sliceType: "axial" }, presenting: true, extra: "<img>" })],
      [2, 1, JSON.stringify({ user: { name: "x" } })],
      [3, 1, "not json"],
      [4, 2, "null"],
    ]);
    const out = guardAwarenessUpdate(update, me, (id) => id !== 2)!;
    expect(out.clientIds).toEqual([1, 4]);
    expect(decode(out.update)).toEqual([
      [1, 3, { user: { ...me, color: "#abcdef" }, view: { timepointId: "t", crosshairMm: [1, 2, 3], sliceType: "axial" }, presenting: true }],
      [4, 2, null],
    ]);
    expect(guardAwarenessUpdate(encode([[2, 1, "{}"]]), me, () => false)).toBeUndefined();
  });
});
