/**
 * Seeded random edits of every shared type of the case document (DESIGN.md §4), through the
 * same writers the UI uses, and the draft (Y.XmlFragment) the way ProseMirror shapes it:
 * paragraphs holding text with marks. Used by the convergence and durability tests; the
 * convergence test also makes edits the server undoes (C13).
 */
import * as Y from "yjs";
import * as prng from "lib0/prng";
import { addAnnotation, addComment, addThread, deleteAnnotation, putBiopsyMark, setThreadResolved, updateAnnotation, updateBiopsyMark } from "../doc-ops";
import { biopsyStatuses, decisionDraft, readAnnotations, readBiopsyMarks, readThreads, type Vec3 } from "../doc-shape";
import { BIOPSY_ROLE } from "../permissions";

type Gen = prng.PRNG;

const vec = (g: Gen): Vec3 => [prng.int31(g, -200, 200) / 2, prng.int31(g, -200, 200) / 2, prng.int31(g, -300, 300) / 2];
const words = (g: Gen) => Array.from({ length: prng.int31(g, 1, 4) }, () => prng.word(g, 2, 8)).join(" ");

function editDraft(g: Gen, doc: Y.Doc): void {
  const draft = decisionDraft(doc)!;
  const paragraphs = draft.toArray().filter((n): n is Y.XmlElement => n instanceof Y.XmlElement);
  const p = paragraphs.length ? prng.oneOf(g, paragraphs) : undefined;
  const text = p?.get(0);
  const choice = prng.int31(g, 0, 5);
  if (!p || choice === 0) {
    const para = new Y.XmlElement("paragraph");
    para.insert(0, [new Y.XmlText(words(g))]);
    draft.insert(prng.int31(g, 0, draft.length), [para]);
  } else if (text instanceof Y.XmlText && choice <= 2) {
    text.insert(prng.int31(g, 0, text.length), ` ${words(g)}`);
  } else if (text instanceof Y.XmlText && choice === 3 && text.length > 1) {
    const at = prng.int31(g, 0, text.length - 1);
    text.delete(at, prng.int31(g, 1, Math.min(5, text.length - at)));
  } else if (text instanceof Y.XmlText && choice === 4 && text.length > 1) {
    const at = prng.int31(g, 0, text.length - 1);
    text.format(at, prng.int31(g, 1, text.length - at), { bold: prng.bool(g) ? true : null });
  } else {
    draft.delete(draft.toArray().indexOf(p), 1);
  }
}

/** Marks the text of an edit the rules (C13) forbid: it must never outlive its compensation. */
export const FORBIDDEN_MARK = "FORGED";
/** The author a forged entry names: nobody in the room. */
const SOMEONE_ELSE = "someone-else";

/**
 * One random edit by `who` at time `now`; returns a short description. By default only edits
 * C13 permits (own annotations, biopsy marks by pathologists); with `forbidden`, also edits of
 * others' annotations, marks by anyone, and entries naming someone else as author, each
 * carrying FORBIDDEN_MARK in its text where it has one.
 */
export function randomEdit(g: Gen, doc: Y.Doc, who: { id: string; role: string }, now: number, opts: { forbidden?: boolean } = {}): string {
  const forbidden = opts.forbidden === true;
  const annotations = readAnnotations(doc).filter((a) => !a.deleted && (forbidden || a.authorId === who.id));
  const threads = readThreads(doc);
  const marks = readBiopsyMarks(doc);
  const marksAllowed = forbidden || who.role === BIOPSY_ROLE;
  const forge = forbidden && prng.int31(g, 0, 3) === 0;
  const author = forge ? SOMEONE_ELSE : who.id;
  const text = () => (forge ? `${FORBIDDEN_MARK} ${words(g)}` : words(g));
  const kind = prng.int31(g, 0, 9);
  switch (kind) {
    case 0: {
      const line = prng.bool(g);
      addAnnotation(doc, { kind: line ? "line" : "point", timepointId: `tp${prng.int31(g, 1, 3)}`, points: line ? [vec(g), vec(g)] : [vec(g)], text: text() }, author, now);
      return "add annotation";
    }
    case 1: {
      if (!annotations.length) return "noop";
      const a = prng.oneOf(g, annotations);
      const mine = a.authorId === who.id;
      const label = mine ? words(g) : `${FORBIDDEN_MARK} ${words(g)}`;
      const points = a.kind === "line" ? [vec(g), vec(g)] : [vec(g)];
      updateAnnotation(doc, a.id, prng.bool(g) ? { text: label } : mine ? { points } : { points, text: label }, now);
      return "edit annotation";
    }
    case 2: {
      if (!annotations.length) return "noop";
      const a = prng.oneOf(g, annotations);
      if (a.authorId === who.id) deleteAnnotation(doc, a.id, now);
      else updateAnnotation(doc, a.id, { deleted: true, text: `${FORBIDDEN_MARK} deleted` }, now);
      return "delete annotation";
    }
    case 3:
      addThread(doc, { type: "case", id: "case" }, text(), author, now);
      return "add thread";
    case 4:
      if (!threads.length) return "noop";
      if (prng.int31(g, 0, 3) === 0) setThreadResolved(doc, prng.oneOf(g, threads).id, prng.bool(g));
      else addComment(doc, prng.oneOf(g, threads).id, text(), author, now);
      return "comment";
    case 5:
      if (!marksAllowed) return "noop";
      putBiopsyMark(doc, { lesionId: `lesion-${prng.int31(g, 1, 5)}`, point: vec(g), note: words(g) }, who.id, now);
      return "add biopsy mark";
    case 6:
      if (!marks.length || !marksAllowed) return "noop";
      updateBiopsyMark(doc, prng.oneOf(g, marks).id, prng.bool(g) ? { status: prng.oneOf(g, [...biopsyStatuses]) } : { point: vec(g) }, who.id, now);
      return "change biopsy mark";
    default:
      editDraft(g, doc);
      return "edit draft";
  }
}

/** JSON with object keys sorted: Y.Map iteration order differs between replicas. */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === "object") return Object.fromEntries(Object.keys(value).sort().map((k) => [k, canonical((value as Record<string, unknown>)[k])]));
  return value;
}

/** Everything a participant sees, as plain data: equal snapshots mean equal documents. */
export function docSnapshot(doc: Y.Doc): string {
  return JSON.stringify(canonical({
    annotations: doc.getMap("annotations").toJSON(),
    threads: doc.getMap("threads").toJSON(),
    biopsyMarks: doc.getMap("biopsyMarks").toJSON(),
    draft: decisionDraft(doc)!.toString(),
    stateVector: Object.fromEntries(Y.decodeStateVector(Y.encodeStateVector(doc))),
  }));
}
