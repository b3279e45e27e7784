/**
 * The shared case document (DESIGN.md §4): names, types, and validating readers. Document
 * content is untrusted (any participant's client can write anything), so every reader parses
 * each entry and drops what does not fit, instead of trusting it. Isomorphic: imported by the
 * collab server, the decision handler and the browser (no Node imports here).
 */
import * as Y from "yjs";
import { z } from "zod";

export const ROOM_PREFIX = "case:";
export const roomName = (caseId: string) => `${ROOM_PREFIX}${caseId}`;

export const TOP = { annotations: "annotations", threads: "threads", biopsyMarks: "biopsyMarks", decisionDraft: "decisionDraft" } as const;

const MAX_TEXT = 10_000;
const id = z.string().min(1).max(100);
const finite = z.number().finite();
export const vec3 = z.tuple([finite, finite, finite]);
export type Vec3 = z.infer<typeof vec3>;
/** Milliseconds since the Unix epoch (UTC). */
const epochMs = z.number().int().nonnegative();

export const annotationKinds = ["point", "line", "roi"] as const;
export type AnnotationKind = (typeof annotationKinds)[number];

export const annotationSchema = z
  .object({
    id,
    kind: z.enum(annotationKinds),
    timepointId: id,
    points: z.array(vec3).min(1).max(2000),
    lesionId: id.optional().nullable(),
    text: z.string().max(MAX_TEXT),
    authorId: id,
    createdAt: epochMs,
    updatedAt: epochMs,
    deleted: z.boolean(),
  })
  .refine((a) => (a.kind === "point" ? a.points.length === 1 : a.kind === "line" ? a.points.length === 2 : a.points.length >= 3), "points do not fit the kind");
export type Annotation = z.infer<typeof annotationSchema>;

export const anchorTypes = ["case", "lesion", "annotation"] as const;
export const anchorSchema = z.object({ type: z.enum(anchorTypes), id });
export type ThreadAnchor = z.infer<typeof anchorSchema>;

export const commentSchema = z.object({ id, authorId: id, text: z.string().min(1).max(MAX_TEXT), createdAt: epochMs });
export type Comment = z.infer<typeof commentSchema>;

const threadFields = z.object({ id: id.optional(), anchor: anchorSchema, resolved: z.boolean(), createdAt: epochMs.optional() });
export interface Thread {
  id: string;
  anchor: ThreadAnchor;
  resolved: boolean;
  createdAt: number;
  comments: Comment[];
}

export const biopsyStatuses = ["proposed", "accepted", "rejected", "sampled"] as const;
export type BiopsyStatus = (typeof biopsyStatuses)[number];
export const biopsyMarkSchema = z.object({
  id,
  lesionId: id,
  point: vec3,
  status: z.enum(biopsyStatuses),
  note: z.string().max(MAX_TEXT),
  authorId: id,
  /** Who changed the mark last (an addition to §4; absent on marks never changed). */
  updatedBy: id.optional(),
  updatedAt: epochMs,
});
export type BiopsyMark = z.infer<typeof biopsyMarkSchema>;

export const sliceTypes = ["axial", "coronal", "sagittal", "multiplanar", "render"] as const;
export const viewSchema = z.object({ timepointId: id, crosshairMm: vec3.nullable(), sliceType: z.enum(sliceTypes) });
export type CaseView = z.infer<typeof viewSchema>;
export const awarenessUserSchema = z.object({ id, name: z.string().max(200), role: z.string().max(40), color: z.string().regex(/^#[0-9a-f]{6}$/i) });
export type AwarenessUser = z.infer<typeof awarenessUserSchema>;

/** A top-level type, or undefined when the name already holds another kind of type. */
function safely<T>(get: () => T): T | undefined {
  try {
    return get();
  } catch {
    return undefined;
  }
}

export const annotationsMap = (doc: Y.Doc) => safely(() => doc.getMap<Y.Map<unknown>>(TOP.annotations));
export const threadsMap = (doc: Y.Doc) => safely(() => doc.getMap<Y.Map<unknown>>(TOP.threads));
export const biopsyMarksMap = (doc: Y.Doc) => safely(() => doc.getMap<Y.Map<unknown>>(TOP.biopsyMarks));
export const decisionDraft = (doc: Y.Doc) => safely(() => doc.getXmlFragment(TOP.decisionDraft));

function entries<T>(map: Y.Map<Y.Map<unknown>> | undefined, schema: z.ZodType<T>): T[] {
  if (!map) return [];
  const out: T[] = [];
  for (const [key, value] of map.entries()) {
    if (!((value as unknown) instanceof Y.Map)) continue;
    const parsed = schema.safeParse(value.toJSON());
    if (parsed.success && (parsed.data as { id: string }).id === key) out.push(parsed.data);
  }
  return out;
}

/** Valid annotations (deleted ones included: callers filter), oldest first. */
export function readAnnotations(doc: Y.Doc): Annotation[] {
  return entries(annotationsMap(doc), annotationSchema).sort((a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id));
}

/** Valid biopsy marks, oldest change first. */
export function readBiopsyMarks(doc: Y.Doc): BiopsyMark[] {
  return entries(biopsyMarksMap(doc), biopsyMarkSchema).sort((a, b) => a.updatedAt - b.updatedAt || a.id.localeCompare(b.id));
}

/** Valid threads with their valid comments (in document order), oldest thread first. */
export function readThreads(doc: Y.Doc): Thread[] {
  const map = threadsMap(doc);
  if (!map) return [];
  const out: Thread[] = [];
  for (const [key, value] of map.entries()) {
    if (!(value instanceof Y.Map)) continue;
    const fields = threadFields.safeParse({ id: value.get("id"), anchor: value.get("anchor"), resolved: value.get("resolved"), createdAt: value.get("createdAt") });
    const list = value.get("comments");
    if (!fields.success || !(list instanceof Y.Array) || (fields.data.id !== undefined && fields.data.id !== key)) continue;
    const comments: Comment[] = [];
    for (const c of list.toArray()) {
      const parsed = c instanceof Y.Map ? commentSchema.safeParse(c.toJSON()) : undefined;
      if (parsed?.success) comments.push(parsed.data);
    }
    out.push({ id: key, anchor: fields.data.anchor, resolved: fields.data.resolved, createdAt: fields.data.createdAt ?? comments[0]?.createdAt ?? 0, comments });
  }
  return out.sort((a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id));
}

const BLOCKS = new Set(["paragraph", "heading", "blockquote", "listItem", "codeBlock", "horizontalRule"]);
const MAX_DRAFT_CHARS = 200_000;

/**
 * The decision draft as plain text: one line per block, list items prefixed with "- " or
 * "N. ". Only text is taken from the fragment; node names and attributes are never trusted.
 */
export function draftText(doc: Y.Doc): string {
  const fragment = decisionDraft(doc);
  if (!fragment) return "";
  const lines: string[] = [];
  let current = "";
  const flush = () => {
    lines.push(current.replace(/\s+$/, ""));
    current = "";
  };
  const walk = (node: Y.XmlElement | Y.XmlText | Y.XmlFragment) => {
    if (node instanceof Y.XmlText) {
      for (const op of node.toDelta() as { insert?: unknown }[]) if (typeof op.insert === "string") current += op.insert;
      return;
    }
    const name = node instanceof Y.XmlElement ? node.nodeName : "";
    if (name === "hardBreak") return flush();
    let index = 0;
    for (const child of node.toArray()) {
      if (!(child instanceof Y.XmlElement || child instanceof Y.XmlText)) continue;
      if (child instanceof Y.XmlElement && child.nodeName === "listItem") {
        index++;
        current += name === "orderedList" ? `${index}. ` : "- ";
      }
      walk(child);
    }
    if (BLOCKS.has(name) && name !== "listItem") flush();
  };
  walk(fragment);
  if (current) flush();
  return lines.join("\n").replace(/\n{3,}/g, "\n\n").trim().slice(0, MAX_DRAFT_CHARS);
}

/** Length of a line annotation in mm (Euclidean, world coordinates). */
export function lineLengthMm(points: Vec3[]): number {
  if (points.length !== 2) return 0;
  const [a, b] = points as [Vec3, Vec3];
  return Math.hypot(a[0] - b[0], a[1] - b[1], a[2] - b[2]);
}
