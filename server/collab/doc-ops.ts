/**
 * Writers for the shared case document (DESIGN.md §4). Each entry is a Y.Map with one key per
 * field, so concurrent edits of different fields (a label and a move) both survive. Inputs are
 * validated with the readers' schemas before anything is written. Isomorphic.
 */
import * as Y from "yjs";
import { uuidv4 } from "lib0/random";
import {
  annotationSchema,
  annotationsMap,
  biopsyMarkSchema,
  biopsyMarksMap,
  commentSchema,
  anchorSchema,
  threadsMap,
  type Annotation,
  type AnnotationKind,
  type BiopsyMark,
  type BiopsyStatus,
  type ThreadAnchor,
  type Vec3,
} from "./doc-shape";

export class DocShapeError extends Error {}

function required<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new DocShapeError(`the document's ${what} has the wrong type`);
  return value;
}

function setAll(map: Y.Map<unknown>, fields: Record<string, unknown>): void {
  for (const [k, v] of Object.entries(fields)) if (v !== undefined) map.set(k, v);
}

export interface NewAnnotation {
  id?: string;
  kind: AnnotationKind;
  timepointId: string;
  points: Vec3[];
  lesionId?: string | null;
  text?: string;
}

/** Adds an annotation in world millimetres; returns its id. */
export function addAnnotation(doc: Y.Doc, input: NewAnnotation, authorId: string, now = Date.now()): string {
  const value: Annotation = {
    id: input.id ?? uuidv4(),
    kind: input.kind,
    timepointId: input.timepointId,
    points: input.points,
    lesionId: input.lesionId ?? null,
    text: input.text ?? "",
    authorId,
    createdAt: now,
    updatedAt: now,
    deleted: false,
  };
  const parsed = annotationSchema.parse(value);
  const map = required(annotationsMap(doc), "annotations");
  doc.transact(() => {
    const entry = new Y.Map<unknown>();
    map.set(parsed.id, entry);
    setAll(entry, parsed);
  });
  return parsed.id;
}

/** Changes an annotation's label, points or lesion; a deleted one can also be restored. */
export function updateAnnotation(doc: Y.Doc, id: string, patch: { text?: string; points?: Vec3[]; lesionId?: string | null; deleted?: boolean }, now = Date.now()): void {
  const entry = annotationsMap(doc)?.get(id);
  if (!(entry instanceof Y.Map)) throw new DocShapeError(`no annotation ${id}`);
  const next = annotationSchema.safeParse({ ...entry.toJSON(), ...patch, updatedAt: now });
  if (!next.success) throw new DocShapeError(`invalid annotation change: ${next.error.issues[0]?.message}`);
  doc.transact(() => setAll(entry, { ...patch, updatedAt: now }));
}

/** Deletion is a flag, so a concurrent label edit cannot resurrect half an annotation. */
export const deleteAnnotation = (doc: Y.Doc, id: string, now = Date.now()) => updateAnnotation(doc, id, { deleted: true }, now);

function newComment(text: string, authorId: string, now: number): Y.Map<unknown> {
  const c = commentSchema.parse({ id: uuidv4(), authorId, text, createdAt: now });
  const entry = new Y.Map<unknown>();
  setAll(entry, c);
  return entry;
}

/** Starts a thread on the case, a lesion or an annotation with its first comment; returns its id. */
export function addThread(doc: Y.Doc, anchor: ThreadAnchor, text: string, authorId: string, now = Date.now()): string {
  const a = anchorSchema.parse(anchor);
  const map = required(threadsMap(doc), "threads");
  const id = uuidv4();
  const first = newComment(text, authorId, now);
  doc.transact(() => {
    const thread = new Y.Map<unknown>();
    map.set(id, thread);
    const comments = new Y.Array<Y.Map<unknown>>();
    setAll(thread, { id, anchor: a, resolved: false, createdAt: now, comments });
    comments.push([first]);
  });
  return id;
}

export function addComment(doc: Y.Doc, threadId: string, text: string, authorId: string, now = Date.now()): void {
  const comments = threadsMap(doc)?.get(threadId)?.get("comments");
  if (!(comments instanceof Y.Array)) throw new DocShapeError(`no thread ${threadId}`);
  const entry = newComment(text, authorId, now);
  comments.push([entry]);
}

export function setThreadResolved(doc: Y.Doc, threadId: string, resolved: boolean): void {
  const thread = threadsMap(doc)?.get(threadId);
  if (!(thread instanceof Y.Map)) throw new DocShapeError(`no thread ${threadId}`);
  thread.set("resolved", resolved);
}

export interface NewBiopsyMark {
  id?: string;
  lesionId: string;
  point: Vec3;
  status?: BiopsyStatus;
  note?: string;
}

/** Adds a biopsy mark (or replaces the one with that id); returns its id. */
export function putBiopsyMark(doc: Y.Doc, input: NewBiopsyMark, authorId: string, now = Date.now()): string {
  const mark: BiopsyMark = biopsyMarkSchema.parse({
    id: input.id ?? uuidv4(),
    lesionId: input.lesionId,
    point: input.point,
    status: input.status ?? "proposed",
    note: input.note ?? "",
    authorId,
    updatedAt: now,
  });
  const map = required(biopsyMarksMap(doc), "biopsyMarks");
  doc.transact(() => {
    const entry = new Y.Map<unknown>();
    map.set(mark.id, entry);
    setAll(entry, mark);
  });
  return mark.id;
}

/**
 * Accept, reject, mark sampled (status), move (point) or annotate (note) a mark. `authorId`
 * stays the mark's creator; `updatedBy` (an addition to §4) records who changed it last.
 */
export function updateBiopsyMark(doc: Y.Doc, id: string, patch: { status?: BiopsyStatus; point?: Vec3; note?: string }, userId: string, now = Date.now()): void {
  const entry = biopsyMarksMap(doc)?.get(id);
  if (!(entry instanceof Y.Map)) throw new DocShapeError(`no biopsy mark ${id}`);
  const next = biopsyMarkSchema.safeParse({ ...entry.toJSON(), ...patch, updatedAt: now });
  if (!next.success) throw new DocShapeError(`invalid biopsy mark change: ${next.error.issues[0]?.message}`);
  doc.transact(() => setAll(entry, { ...patch, updatedBy: userId, updatedAt: now }));
}
